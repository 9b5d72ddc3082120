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

    private MongoServer server;

    @Override
    public Map<String, String> start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        return Map.of("MONGODB_URI", "mongodb://127.0.0.1:" + address.getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }
}
