package io.hearken.profile.messaging;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.common.consumer.EventHandler;
import io.hearken.common.consumer.PostgresFailures;
import io.hearken.common.events.ErasureCompleted;
import io.hearken.common.events.EventRecords;
import io.hearken.common.events.Topics;
import io.hearken.profile.service.PrivacyService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Keeps the other services' erasure receipts from {@code hearken.profiles}, so an erasure's progress is visible. */
@ApplicationScoped
public class ErasureReceiptConsumer implements EventHandler<ErasureCompleted> {

    static final String CONSUMER = "profile-erasure-receipts";

    private final PrivacyService privacy;
    private final EventConsumers consumers;

    public ErasureReceiptConsumer(PrivacyService privacy, EventConsumers consumers) {
        this.privacy = privacy;
        this.consumers = consumers;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Topics.PROFILES), this);
    }

    @Override
    public ErasureCompleted read(ConsumerRecord<byte[], byte[]> record) {
        ErasureCompleted receipt = EventRecords.readErasureReceipt(record);
        if (receipt == null || PrivacyService.SELF.equals(receipt.service())) {
            return null;
        }
        try {
            UUID.fromString(receipt.erasureId());
        } catch (IllegalArgumentException e) {
            return null;
        }
        return receipt;
    }

    @Override
    public void apply(List<ErasureCompleted> receipts) throws Exception {
        for (ErasureCompleted receipt : receipts) {
            Blocking.await(() -> privacy.receive(receipt.tenant(), UUID.fromString(receipt.erasureId()),
                    receipt.service(), receipt.itemsErased(),
                    receipt.completedAt() == null ? Instant.now() : receipt.completedAt()));
        }
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        return PostgresFailures.isPermanent(failure);
    }
}
