package io.hearken.chaos;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadinessWatchTest {

    private final Map<String, Integer> status = new ConcurrentHashMap<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (String service : List.of("survey", "profile", "insight")) {
            status.put(service, 200);
            server.createContext("/" + service, exchange -> {
                exchange.sendResponseHeaders(status.get(service), -1);
                exchange.close();
            });
        }
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String service) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + service;
    }

    @Test
    void oneDependentDownIsNotEnough() throws InterruptedException {
        try (ReadinessWatch watch = new ReadinessWatch(List.of(url("survey"), url("profile"), url("insight")))) {
            status.put("survey", 503);
            Thread.sleep(1_000);
            status.put("survey", 200);
            assertTrue(watch.awaitAllUp(Duration.ofSeconds(5)));
            assertFalse(watch.sawDown(), "profile and insight never reported DOWN");
            assertEquals(List.of(url("profile"), url("insight")), watch.neverSeenDown());
        }
    }

    @Test
    void passesWhenEveryDependentWasSeenDownEvenAtDifferentMoments() throws InterruptedException {
        try (ReadinessWatch watch = new ReadinessWatch(List.of(url("profile"), url("insight")))) {
            status.put("profile", 503);
            Thread.sleep(800);
            status.put("profile", 200);
            status.put("insight", 503);
            Thread.sleep(800);
            status.put("insight", 200);
            assertTrue(watch.awaitAllUp(Duration.ofSeconds(5)));
            assertTrue(watch.sawDown());
        }
    }

    @Test
    void aServiceThatDoesNotAnswerCountsAsDown() throws InterruptedException {
        String closed = "http://127.0.0.1:1/q/health/ready";
        try (ReadinessWatch watch = new ReadinessWatch(List.of(closed))) {
            Thread.sleep(800);
            assertTrue(watch.sawDown());
        }
    }
}
