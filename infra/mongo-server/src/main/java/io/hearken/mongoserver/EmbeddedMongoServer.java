package io.hearken.mongoserver;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a MongoDB wire-protocol server backed by an H2 file, the embedded default store of survey-service.
 *
 * <p>It is not a durable database: the H2 file is committed about once a second, so a kill -9 loses the last
 * moment of writes. Hearken therefore never acknowledges a response on a write here; the Kafka topic is the
 * record and survey-service's MongoDB collections are projections that are replayed after such a loss
 * (see docs/architecture.md).
 *
 * <p>One thing differs from mongo-java-server's own {@code H2MongoServer}, for speed and not for durability: the
 * unique indexes compare their keys without a fresh Java serialization each time ({@link IndexKeyType}). The file
 * layout, the page cache and the commit schedule are H2's own, unchanged (docs/reliability.md).
 */
public final class EmbeddedMongoServer {

    private EmbeddedMongoServer() {
    }

    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = 27017;
        Path file = Path.of("mongo-data.mv");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--file" -> file = Path.of(args[++i]);
                default -> throw new IllegalArgumentException(
                        "unknown option " + args[i] + " (usage: --host <h> --port <p> --file <path.mv>)");
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }

        MongoServer server = new MongoServer(new FastIndexH2Backend(MVStore.open(file.toString())));
        server.bind(host, port);
        InetSocketAddress address = server.getLocalAddress();
        System.out.println("Hearken embedded MongoDB-protocol server listening on "
                + address.getHostString() + ":" + address.getPort() + " (file " + file + ")");

        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM closes the H2 file cleanly, so a normal stop loses nothing.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            stopped.countDown();
        }, "mongo-server-shutdown"));
        stopped.await();
    }
}
