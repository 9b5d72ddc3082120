package io.hearken.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

import java.io.IOException;

/**
 * Reads every string of a request body (fields, map keys, list items, free-form values such as answers) and refuses
 * the ones {@link StorableText} refuses, so the failure names the field that holds it.
 */
final class StorableTextDeserializer extends StdScalarDeserializer<String> {

    private final int maxUtf8Bytes;

    StorableTextDeserializer(int maxUtf8Bytes) {
        super(String.class);
        this.maxUtf8Bytes = maxUtf8Bytes;
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        return check(parser, text);
    }

    String check(JsonParser parser, String text) throws UnstorableTextException {
        if (text != null) {
            var problem = StorableText.problemOf(text, maxUtf8Bytes);
            if (problem.isPresent()) {
                throw new UnstorableTextException(parser, problem.get());
            }
        }
        return text;
    }

    /** The same rule for the keys of a map (answers are keyed by question id). */
    static final class Keys extends KeyDeserializer {

        private final int maxUtf8Bytes;

        Keys(int maxUtf8Bytes) {
            this.maxUtf8Bytes = maxUtf8Bytes;
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            var problem = StorableText.problemOf(key, maxUtf8Bytes);
            if (problem.isPresent()) {
                throw new UnstorableTextException(context.getParser(), "key '" + printable(key) + "' " + problem.get());
            }
            return key;
        }

        private static String printable(String key) {
            StringBuilder out = new StringBuilder();
            key.codePoints().limit(64).forEach(cp -> {
                if (Character.isISOControl(cp) || Character.isSurrogate((char) cp)) {
                    out.append("\\u%04X".formatted(cp));
                } else {
                    out.appendCodePoint(cp);
                }
            });
            return out.toString();
        }
    }
}
