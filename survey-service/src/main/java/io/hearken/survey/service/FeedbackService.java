package io.hearken.survey.service;

import com.mongodb.MongoException;
import io.hearken.common.problem.ProblemException;
import io.hearken.survey.domain.Feedback;
import io.hearken.survey.domain.IngestFeedback;
import io.hearken.survey.domain.RuleViolation;
import io.hearken.survey.messaging.EventJournal;
import io.hearken.survey.repository.FeedbackRepository;
import io.hearken.survey.repository.IdempotencyClaims;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * Takes in unsolicited feedback. Like a response, an item is kept once Kafka has it; its id follows from its source
 * and external id, and is claimed before the append ({@link IdempotencyClaims}), so the caller learns whether the
 * item is new or already known however often it is sent, and consumers keep it once.
 */
@ApplicationScoped
public class FeedbackService {

    private final EventJournal journal;
    private final IdempotencyClaims claims;
    private final FeedbackRepository repository;
    private final MeterRegistry metrics;

    public FeedbackService(EventJournal journal, IdempotencyClaims claims, FeedbackRepository repository,
                           MeterRegistry metrics) {
        this.journal = journal;
        this.claims = claims;
        this.repository = repository;
        this.metrics = metrics;
    }

    /** What became of an item: kept as new, or known already (with the same content or, for an edit, another). */
    public record Ingested(Feedback feedback, boolean created, boolean changed) {
    }

    public Uni<Ingested> ingest(IngestFeedback command) {
        Feedback item;
        try {
            item = Feedback.from(command, Instant.now());
        } catch (RuleViolation violation) {
            return Uni.createFrom().failure(Violations.toProblem(violation));
        }
        String fingerprint = item.contentFingerprint();
        return claims.claim(item.tenant(), item.id(), fingerprint, item.receivedAt())
                .onFailure(MongoException.class).transform(failure -> ProblemException.unavailable(
                        "Feedback cannot be checked for duplicates right now; nothing was kept. Retry.", 2))
                .chain(claim -> {
                    if (!claim.first() && !claim.fingerprint().equals(fingerprint)) {
                        // An edited review: the first version is the one kept (see docs/events.md).
                        return Uni.createFrom().item(new Ingested(item, false, true));
                    }
                    Feedback kept = claim.first() ? item : withReceivedAt(item, claim.submittedAt());
                    // A repeat appends again: the first attempt may have failed after its claim; consumers keep one.
                    return journal.append(kept).replaceWith(new Ingested(kept, claim.first(), false));
                })
                .invoke(ingested -> metrics.counter("hearken.feedback.ingested", "source", item.source(),
                        "created", String.valueOf(ingested.created())).increment());
    }

    public Uni<Feedback> get(String tenant, String id) {
        return repository.findById(tenant, id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Feedback", id)));
    }

    public Uni<List<Feedback>> list(String tenant, String source, String after, int limit) {
        return repository.findByTenant(tenant, source, ListingCursor.decode(ListingCursor.FEEDBACK, after),
                limit);
    }

    private static Feedback withReceivedAt(Feedback item, Instant receivedAt) {
        return new Feedback(item.id(), item.tenant(), item.source(), item.externalId(), item.author(), item.rating(),
                item.ratingMax(), item.text(), item.url(), item.language(), item.postedAt(), receivedAt);
    }
}
