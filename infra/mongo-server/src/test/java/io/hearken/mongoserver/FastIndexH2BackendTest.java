package io.hearken.mongoserver;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded store over the wire, on an H2 file, across restarts and across the change of key type. */
class FastIndexH2BackendTest {

    @TempDir
    Path directory;

    /** Runs the server on the file until {@code work} is done, then closes the file cleanly (as SIGTERM does). */
    private static void serve(MongoBackend backend, Consumer<MongoDatabase> work) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            work.accept(client.getDatabase("hearken_surveys"));
        } finally {
            server.shutdown();
        }
    }

    private static MongoCollection<Document> responses(MongoDatabase database) {
        return database.getCollection("responses");
    }

    /** Responses with random ids (as the projector writes them), so the index's order matters on every insert. */
    private static List<Document> responses(int count, int firstNumber) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(new Document("_id", UUID.randomUUID().toString()).append("tenant", "acme")
                    .append("number", firstNumber + i));
        }
        return documents;
    }

    /** Every document is found through the {@code _id} index, and inserting it again is refused by it. */
    private static void assertIndexed(MongoDatabase database, List<Document> documents) {
        for (Document document : documents) {
            assertEquals(document, responses(database).find(new Document("_id", document.get("_id"))).first());
        }
        MongoWriteException duplicate = assertThrows(MongoWriteException.class,
                () -> responses(database).insertOne(documents.get(documents.size() / 2)));
        assertEquals(ErrorCategory.DUPLICATE_KEY, duplicate.getError().getCategory());
    }

    private static FastIndexH2Backend fastBackend(Path file) {
        return new FastIndexH2Backend(MVStore.open(file.toString()));
    }

    @Test
    void keepsWhatItIndexedAcrossARestart() {
        Path file = directory.resolve("store.mv");
        List<Document> stored = responses(2000, 0);
        serve(fastBackend(file), database -> responses(database).insertMany(stored));

        serve(fastBackend(file), database -> {
            assertEquals(2000, responses(database).countDocuments());
            assertIndexed(database, stored);
        });
    }

    @Test
    void sharesItsFileWithThePlainH2BackendBothWays() {
        Path file = directory.resolve("store.mv");
        List<Document> before = responses(1500, 0);
        serve(new H2Backend(file.toString()), database -> {
            responses(database).insertMany(before);
            responses(database).createIndex(Indexes.ascending("tenant", "number"),
                    new IndexOptions().name("number").unique(true));
        });

        List<Document> after = responses(1500, 1500);
        serve(fastBackend(file), database -> {
            assertIndexed(database, before);
            responses(database).insertMany(after);
            // The unique index the plain backend built still refuses a number it holds.
            assertThrows(MongoWriteException.class, () -> responses(database).insertOne(
                    new Document("_id", "other").append("tenant", "acme").append("number", 42)));
        });

        // The same order on both sides: the plain backend finds what the fast one inserted among its own keys.
        serve(new H2Backend(file.toString()), database -> {
            assertIndexed(database, before);
            assertIndexed(database, after);
        });
    }

    @Test
    void ordersExistingAndNewIndexesWithTheFasterKeyType() {
        Path file = directory.resolve("store.mv");
        serve(fastBackend(file), database -> responses(database).insertMany(responses(10, 0)));

        MVStore store = MVStore.open(file.toString());
        serve(new FastIndexH2Backend(store), database -> {
            // The indexes that were there at start, and those of a collection created while the server runs.
            responses(database).insertOne(new Document("_id", "after-restart"));
            database.getCollection("feedback").insertOne(new Document("_id", "f-1"));
            database.getCollection("feedback").createIndex(Indexes.ascending("tenant", "key"),
                    new IndexOptions().name("key").unique(true));

            List<String> indexMaps = store.getMapNames().stream()
                    .filter(name -> name.contains(FastIndexH2Backend.INDEX_MAP_INFIX)).toList();
            assertTrue(indexMaps.containsAll(List.of("hearken_surveys.responses._index__id_",
                    "hearken_surveys.feedback._index__id_", "hearken_surveys.feedback._index_key")), indexMaps::toString);
            indexMaps.forEach(name -> assertInstanceOf(IndexKeyType.class, store.openMap(name).getKeyType(), name));
        });
    }
}
