package io.hearken.survey.messaging;

import io.hearken.common.events.EventAppender;
import io.hearken.survey.config.SurveyServiceConfig;
import io.hearken.survey.domain.Erasure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Appends the receipt of an applied erasure to {@code hearken.profiles} and returns only once the broker has it:
 * the projector moves past an erasure after that, so a crash in between sends the receipt again, never not at all.
 */
@ApplicationScoped
public class ErasureReceipts {

    private static final String SOURCE = "urn:hearken:survey-service";

    private final EventAppender appender;

    public ErasureReceipts(SurveyServiceConfig config) {
        this.appender = new EventAppender(SOURCE, config.erasures().receiptTimeout());
    }

    /** Says that {@code erasure} is applied here and {@code itemsErased} responses and invitations anonymised. */
    public void send(Erasure erasure, long itemsErased) {
        appender.append(ErasureEvents.receipt(erasure, itemsErased, Instant.now()));
    }

    @PreDestroy
    void close() {
        appender.close();
    }
}
