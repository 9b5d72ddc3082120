package io.hearken.mongoserver;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The key type of the unique indexes' maps in the H2 file: H2's default {@link ObjectDataType}, stored the same way
 * and ordered the same way, only ordered faster.
 *
 * <p>An index key ({@link KeyValue}) is not {@link Comparable}, so H2's default type orders two keys by comparing
 * their Java serializations, serializing both afresh on every comparison: a new {@link ObjectOutputStream}, stream
 * header, class descriptors and handle table each time, some 17 comparisons per tree descent and three descents per
 * insert. That was the largest cost of the store's insert thread under the projector's load (docs/benchmarks.md,
 * "{@code ./hearken bench projector}").
 *
 * <p>This type compares the very same bytes minus the stream header, which every serialization starts with alike,
 * so the order is unchanged and the maps written before stay valid. It serializes through one reused stream per
 * thread ({@link ObjectOutputStream#reset()} forgets every handle, so each key is written in full, as a fresh stream
 * would), and remembers the bytes of the keys it met lately by identity: the key searched for is compared at every
 * level, and the keys of the upper pages in every descent.
 */
final class IndexKeyType extends ObjectDataType {

    /** Keys whose bytes a thread remembers before it starts afresh; about 100 bytes each. */
    private static final int REMEMBERED_KEYS = 16_384;

    private static final ThreadLocal<Serializer> SERIALIZER = ThreadLocal.withInitial(Serializer::new);

    @Override
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof KeyValue && b instanceof KeyValue) {
            Serializer serializer = SERIALIZER.get();
            return compareNotNull(serializer.bytesOf(a), serializer.bytesOf(b));
        }
        return super.compare(a, b);
    }

    /** One thread's stream and the bytes of the keys it serialized lately. */
    private static final class Serializer {

        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        private final ObjectOutputStream stream;
        private final Map<Object, byte[]> remembered = new IdentityHashMap<>();

        Serializer() {
            try {
                stream = new ObjectOutputStream(buffer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        byte[] bytesOf(Object key) {
            byte[] bytes = remembered.get(key);
            if (bytes == null) {
                bytes = serialize(key);
                if (remembered.size() >= REMEMBERED_KEYS) {
                    remembered.clear();
                }
                remembered.put(key, bytes);
            }
            return bytes;
        }

        /** The key's Java serialization without the stream header: what a fresh stream writes after it. */
        private byte[] serialize(Object key) {
            try {
                stream.reset();
                buffer.reset();
                stream.writeObject(key);
                stream.flush();
                return buffer.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
