package io.hearken.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * A MongoDB wire-protocol server (mongo-java-server, memory backend) in the test JVM on a free port; the one store
 * the brief lets tests stand in for, because no real mongod can be installed on these machines.
 */
public class InProcessMongoResource implements QuarkusTestResourceLifecycleManager {

    private static MongoServer server;
    private static int port;

    @Override
    public Map<String, String> start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        port = address.getPort();
        return Map.of("MONGODB_URI", "mongodb://127.0.0.1:" + port);
    }

    /**
     * Kills the server and starts an empty one on the same port: the worst a crash of the store can do (the
     * embedded H2 store loses only its last second). Whatever the service had acknowledged must come back.
     */
    public static synchronized void crashLosingEverything() {
        crash();
        restartEmpty();
    }

    /** Kills the server: until {@link #restartEmpty()} nothing listens on its port. */
    public static synchronized void crash() {
        server.shutdownNow();
    }

    /** Starts an empty server on the port of the one that crashed. */
    public static synchronized void restartEmpty() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }
}
