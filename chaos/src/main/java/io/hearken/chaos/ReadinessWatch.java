package io.hearken.chaos;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Watches the readiness of the services that depend on a killed component: each of them must report DOWN while it
 * is away (so a load balancer stops sending them work) and UP again once it is back. One dependent seen DOWN is not
 * enough: a service whose readiness ignores the component would otherwise pass unnoticed.
 */
final class ReadinessWatch implements AutoCloseable {

    private final List<String> urls;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Set<String> seenDown = ConcurrentHashMap.newKeySet();
    private final Thread thread;

    ReadinessWatch(List<String> urls) {
        this.urls = urls;
        this.thread = new Thread(this::watch, "readiness-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        while (running.get()) {
            for (String url : urls) {
                if (!seenDown.contains(url) && !isUp(url)) {
                    seenDown.add(url);
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean isUp(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** Waits until every watched service is ready again; returns false if that did not happen in time. */
    boolean awaitAllUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (urls.stream().allMatch(this::isUp)) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** Whether every watched service was seen not ready at least once (false when nothing is watched). */
    boolean sawDown() {
        return !urls.isEmpty() && seenDown.containsAll(urls);
    }

    /** The watched readiness URLs never seen DOWN, for the report. */
    List<String> neverSeenDown() {
        return urls.stream().filter(url -> !seenDown.contains(url)).toList();
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
    }
}
