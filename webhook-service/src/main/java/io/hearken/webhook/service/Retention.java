package io.hearken.webhook.service;

import io.hearken.webhook.config.WebhookConfig;
import io.hearken.webhook.repository.DeliveryRepository;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Keeps the delivery log to the retention period (hearken.webhooks.retention, 30 days by default): older attempts
 * and messages go, except messages still being delivered. Every instance may run it; the deletes are idempotent.
 */
@ApplicationScoped
public class Retention {

    private final DeliveryRepository deliveries;
    private final WebhookConfig config;

    public Retention(DeliveryRepository deliveries, WebhookConfig config) {
        this.deliveries = deliveries;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return deliveries.deleteOlderThan(Instant.now().minus(config.retention()))
                .invoke(deleted -> {
                    if (deleted > 0) {
                        Log.infof("Deleted %d webhook messages past retention", deleted);
                    }
                })
                .replaceWithVoid();
    }
}
