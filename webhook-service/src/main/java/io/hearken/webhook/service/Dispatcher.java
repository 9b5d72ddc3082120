package io.hearken.webhook.service;

import io.hearken.webhook.client.EndpointClient;
import io.hearken.webhook.config.WebhookConfig;
import io.hearken.webhook.domain.ClaimedDelivery;
import io.hearken.webhook.domain.DisabledEndpoint;
import io.hearken.webhook.domain.EndpointAnswer;
import io.hearken.webhook.domain.EndpointHealth;
import io.hearken.webhook.domain.EndpointUrl;
import io.hearken.webhook.domain.NextStep;
import io.hearken.webhook.domain.RetrySchedule;
import io.hearken.webhook.domain.WebhookSignature;
import io.hearken.webhook.repository.DeliveryRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Works through the delivery schedule: claims due deliveries (a lease per delivery, so instances share the work and
 * a dead instance's deliveries come back when its leases run out), sends each signed, and records what happened and
 * what comes next. Requests are bounded per instance and per endpoint, so a slow or dead endpoint fills only its own
 * share and never delays another's deliveries. Woken when new deliveries are scheduled; otherwise it looks every
 * poll interval for retries that came due.
 */
@ApplicationScoped
public class Dispatcher implements Runnable {

    /** A lease outlives an attempt by this much, so a slow attempt is not taken for a dead instance's. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    private static final int SUBSCRIPTIONS_PER_ROUND = 200;
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(30);

    private final WebhookConfig config;
    private final DeliveryRepository deliveries;
    private final EndpointGuard guard;
    private final EndpointClient client;
    private final MessageWriter messages;
    private final RetrySchedule schedule;
    private final EndpointHealth health;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<UUID, AtomicInteger> inFlightByEndpoint = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private final Timer attemptTimer;
    private final Timer deliveryDelay;
    private final Map<String, Counter> attemptsByOutcome;
    private boolean woken;
    private volatile boolean running;
    private Thread thread;

    public Dispatcher(WebhookConfig config, DeliveryRepository deliveries, EndpointGuard guard,
                      EndpointClient client, MessageWriter messages, MeterRegistry metrics) {
        this.config = config;
        this.deliveries = deliveries;
        this.guard = guard;
        this.client = client;
        this.messages = messages;
        this.schedule = new RetrySchedule(config.retrySchedule(), config.jitter(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.health = new EndpointHealth(config.disableAfterFailures(), config.disableAfter(),
                config.probeAfterFailures(), config.probeInterval(), config.probeIntervalMax());
        this.attemptTimer = Timer.builder("hearken.webhook.attempt").description("One delivery attempt")
                .publishPercentiles(0.5, 0.99).register(metrics);
        this.deliveryDelay = Timer.builder("hearken.webhook.delivery.delay")
                .description("From the event to its successful delivery").publishPercentiles(0.5, 0.99)
                .register(metrics);
        metrics.gauge("hearken.webhook.in.flight", inFlight);
        this.attemptsByOutcome = Map.of("succeeded", attempts(metrics, "succeeded"), "failed",
                attempts(metrics, "failed"), "gone", attempts(metrics, "gone"));
    }

    private static Counter attempts(MeterRegistry metrics, String outcome) {
        return Counter.builder("hearken.webhook.attempts").description("Delivery attempts by outcome")
                .tag("outcome", outcome).register(metrics);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this, "webhook-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake();
        if (thread != null) {
            thread.join(5_000);
        }
    }

    /** New deliveries are due: look now rather than at the next poll. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (dispatchRound() == 0) {
                    waitForSignal();
                }
            } catch (RuntimeException failure) {
                // The database is away or slow: the schedule is still there when it is back
                Log.warnf("Webhook dispatch round failed, trying again shortly: %s", failure.getMessage());
                waitForSignal();
            }
        }
    }

    /** Claims and starts what this instance may send now; returns how many deliveries it started. */
    int dispatchRound() {
        if (inFlight.get() >= config.maxInFlight()) {
            return 0;
        }
        List<UUID> full = new ArrayList<>();
        inFlightByEndpoint.forEach((id, count) -> {
            if (count.get() >= config.maxInFlightPerEndpoint()) {
                full.add(id);
            }
        });
        List<DeliveryRepository.DueSubscription> due = deliveries
                .subscriptionsWithDueDeliveries(full, SUBSCRIPTIONS_PER_ROUND).await().atMost(QUERY_TIMEOUT);
        int started = 0;
        for (DeliveryRepository.DueSubscription candidate : due) {
            UUID subscription = candidate.id();
            // A failing endpoint gets one probe at a time; the others their share of the endpoint cap
            int endpointSlots = health.probing(candidate.consecutiveFailures()) ? 1 : config.maxInFlightPerEndpoint();
            int slots = Math.min(endpointSlots - inFlightOf(subscription), config.maxInFlight() - inFlight.get());
            if (slots <= 0) {
                continue;
            }
            List<ClaimedDelivery> claimed = deliveries.claim(subscription, slots,
                    config.attemptTimeout().plus(LEASE_MARGIN)).await().atMost(QUERY_TIMEOUT);
            for (ClaimedDelivery delivery : claimed) {
                attempt(delivery);
                started++;
            }
        }
        return started;
    }

    private int inFlightOf(UUID subscription) {
        AtomicInteger count = inFlightByEndpoint.get(subscription);
        return count == null ? 0 : count.get();
    }

    private void attempt(ClaimedDelivery delivery) {
        inFlight.incrementAndGet();
        inFlightByEndpoint.computeIfAbsent(delivery.subscriptionId(), id -> new AtomicInteger()).incrementAndGet();
        Instant startedAt = Instant.now();
        send(delivery, startedAt)
                .chain(answer -> record(delivery, startedAt, answer))
                .subscribe().with(disabled -> release(delivery), failure -> {
                    // Not recorded: the lease runs out and the same message is tried again
                    Log.warnf("Recording the attempt of %s to subscription %s failed: %s", delivery.messageId(),
                            delivery.subscriptionId(), failure.getMessage());
                    release(delivery);
                });
    }

    /** One attempt; never fails: a refused address, a timeout or a connection error is an answer without status. */
    Uni<EndpointAnswer> send(ClaimedDelivery delivery, Instant startedAt) {
        EndpointUrl url;
        try {
            url = EndpointUrl.parse(delivery.url(), false);
        } catch (IllegalArgumentException invalid) {
            return Uni.createFrom().item(EndpointAnswer.failure("invalid URL: " + invalid.getMessage(), 0));
        }
        long timestamp = startedAt.getEpochSecond();
        Map<String, String> headers = Map.of(
                "webhook-id", delivery.messageId(),
                "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", WebhookSignature.header(delivery.secrets(), delivery.messageId(), timestamp,
                        delivery.payload()));
        return guard.admit(url)
                .chain(address -> client.post(url, address, headers, delivery.payload(), config.attemptTimeout()))
                .onFailure(EndpointGuard.RefusedEndpointException.class)
                .recoverWithItem(refused -> EndpointAnswer.failure("refused: " + refused.getMessage(), 0));
    }

    private Uni<Optional<DisabledEndpoint>> record(ClaimedDelivery delivery, Instant startedAt,
                                                   EndpointAnswer answer) {
        Instant now = Instant.now();
        attemptTimer.record(Duration.ofMillis(answer.latencyMillis()));
        String outcome = answer.succeeded() ? "succeeded" : answer.gone() ? "gone" : "failed";
        attemptsByOutcome.get(outcome).increment();
        if (answer.succeeded() && !delivery.test() && delivery.createdAt() != null) {
            deliveryDelay.record(Duration.between(delivery.createdAt(), now));
        }
        NextStep next = NextStep.after(answer, delivery.attemptsBefore() + 1, delivery.test(), schedule, now);
        return deliveries.record(delivery, startedAt, answer, next, health, messages::disabled)
                .invoke(disabled -> disabled.ifPresent(endpoint -> {
                    Log.warnf("Webhook endpoint %s of tenant %s disabled (%s after %d failures)",
                            endpoint.subscriptionId(), endpoint.tenant(), endpoint.reason().stored(),
                            endpoint.consecutiveFailures());
                    wake();
                }));
    }

    private void release(ClaimedDelivery delivery) {
        inFlight.decrementAndGet();
        // Counts stay in the map at zero (one per endpoint): removing them would race with the next claim's increment
        inFlightByEndpoint.get(delivery.subscriptionId()).decrementAndGet();
        wake();
    }

    private void waitForSignal() {
        synchronized (signal) {
            if (!woken) {
                try {
                    signal.wait(config.pollInterval().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }
}
