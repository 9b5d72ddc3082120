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
import java.util.Map;

/**
 * Applies customers' erasures ({@code hearken.profile.erased.v1} on {@code hearken.profiles}) in the shared consumer
 * loop: the erasure is recorded, for the text analytics to come to consult, the customer's ids are removed from their
 * alerts and cases and the notes on those cases blanked, and a receipt says how many alerts and cases changed (0 is an
 * honest answer, not a skipped one: score counts hold nothing personal).
 * The record is idempotent by erasure id; the receipt is sent on every application (a redelivery after a crash sends
 * it again, which the contract allows), since the crash may have come between the record and the receipt.
 */
@ApplicationScoped
public class ErasureConsumer implements EventHandler<ProfileErased> {

    static final String CONSUMER = "insight-erasures";
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);

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
        Map<String, Long> itemsErased = repository.record(erasures).await().atMost(TRANSACTION_TIMEOUT);
        for (ProfileErased erasure : erasures) {
            receipts.send(erasure, itemsErased.getOrDefault(erasure.erasureId(), 0L));
            Log.infof("Erasure %s of profile %s (tenant %s) recorded", erasure.erasureId(), erasure.profileId(),
                    erasure.tenant());
        }
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        return PostgresFailures.isPermanent(failure);
    }
}
