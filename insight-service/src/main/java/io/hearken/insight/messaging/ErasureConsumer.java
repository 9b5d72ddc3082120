package io.hearken.insight.messaging;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.common.consumer.EventHandler;
import io.hearken.common.consumer.PostgresFailures;
import io.hearken.common.events.EventRecords;
import io.hearken.common.events.ProfileErased;
import io.hearken.common.events.Topics;
import io.hearken.insight.repository.ErasureRepository;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;

/**
 * Applies customers' erasures ({@code hearken.profile.erased.v1} on {@code hearken.profiles}) in the shared consumer
 * loop. insight-service holds nothing personal today (NPS counts per survey), so applying one is recording it, for
 * the text analytics to come to consult, and saying so with a receipt of 0 items: an honest answer, not a skipped one.
 * The record is idempotent by erasure id; the receipt is sent on every application (a redelivery after a crash sends
 * it again, which the contract allows), since the crash may have come between the record and the receipt.
 */
@ApplicationScoped
public class ErasureConsumer implements EventHandler<ProfileErased> {

    static final String CONSUMER = "insight-erasures";
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);
    /** What an erasure removes here: nothing, as nothing identifies a customer in insight-service's tables. */
    private static final long ITEMS_ERASED = 0;

    private final ErasureRepository repository;
    private final ErasureReceipts receipts;
    private final EventConsumers consumers;

    public ErasureConsumer(ErasureRepository repository, ErasureReceipts receipts, EventConsumers consumers) {
        this.repository = repository;
        this.receipts = receipts;
        this.consumers = consumers;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Topics.PROFILES), this);
    }

    @Override
    public ProfileErased read(ConsumerRecord<byte[], byte[]> record) {
        // Profile changes, merges and the receipts of erasures (ours too) concern nothing held here.
        return EventRecords.readErasure(record);
    }

    @Override
    public void apply(List<ProfileErased> erasures) {
        repository.record(erasures).await().atMost(TRANSACTION_TIMEOUT);
        for (ProfileErased erasure : erasures) {
            receipts.send(erasure, ITEMS_ERASED);
            Log.infof("Erasure %s of profile %s (tenant %s) recorded", erasure.erasureId(), erasure.profileId(),
                    erasure.tenant());
        }
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        return PostgresFailures.isPermanent(failure);
    }
}
