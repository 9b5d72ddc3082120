package io.hearken.insight.messaging;

import io.hearken.common.events.ErasureCompleted;
import io.hearken.common.events.EventAppender;
import io.hearken.common.events.ProfileErased;
import io.hearken.insight.config.InsightConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Appends the receipt of an applied erasure to {@code hearken.profiles} and returns only once the broker has it:
 * the consumer moves past an erasure after that, so a crash in between sends the receipt again, never not at all.
 */
@ApplicationScoped
public class ErasureReceipts {

    static final String SERVICE = "insight-service";
    private static final String SOURCE = "urn:hearken:insight-service";

    private final EventAppender appender;

    public ErasureReceipts(InsightConfig config) {
        this.appender = new EventAppender(SOURCE, config.erasures().receiptTimeout());
    }

    /**
     * Says that {@code erasure} is applied here, having erased {@code itemsErased} items. The event id is the same
     * each time for one erasure, so a receipt sent again is recognisably the same one.
     */
    public void send(ProfileErased erasure, long itemsErased) {
        appender.append(ErasureCompleted.receipt(erasure.erasureId(), erasure.tenant(), erasure.profileId(), SERVICE,
                itemsErased, Instant.now()));
    }

    @PreDestroy
    void close() {
        appender.close();
    }
}
