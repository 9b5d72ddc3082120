package io.hearken.insight.service;

import io.hearken.common.events.ChurnRiskAssessed;
import io.hearken.common.events.CustomerIdentities;
import io.hearken.insight.domain.ChurnReason;
import io.hearken.insight.domain.ChurnRisk;
import io.hearken.insight.domain.ChurnRiskModel;
import io.hearken.insight.domain.ChurnSignals;
import io.hearken.insight.domain.Respondent;
import io.hearken.insight.domain.ResponseSignals;
import io.hearken.insight.domain.ScaleScore;
import io.hearken.insight.repository.ChurnSignalsRepository;
import io.hearken.insight.repository.ChurnSignalsRepository.CustomerSignals;
import io.hearken.insight.repository.OutboxRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps each customer's churn signals and announces their churn risk when it changes. A response updates the
 * customer's last two NPS answers and latest sentiment; a case opening or resolving changes the count of their
 * unresolved cases. After either the customer is assessed again ({@link ChurnRiskModel}), and if the score or the band
 * moved, {@code hearken.customer.churn-risk.v1} goes into the outbox in the same transaction, its id derived from the
 * customer and the triggering event. Every method works in the caller's transaction and locks the customer's row.
 */
@ApplicationScoped
public class ChurnService {

    /** Updates the customer's signals from a response and assesses them again; nothing for an anonymous one. */
    public Uni<Void> record(SqlConnection connection, ResponseSignals response, Instant now) {
        Optional<String> key = response.respondent().customerKey();
        if (key.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return ChurnSignalsRepository.lock(connection, response.tenant(), key.get(), response.respondent(), now)
                .chain(kept -> {
                    CustomerSignals updated = withResponse(kept, response);
                    return ChurnSignalsRepository.saveSignals(connection, updated, now)
                            .chain(() -> assess(connection, updated, response.sourceEventId(), now));
                });
    }

    /** Assesses the customer again (their cases changed); nothing for an anonymous respondent. */
    public Uni<Void> reassess(SqlConnection connection, String tenant, Respondent respondent,
                              String triggeringEventId, Instant now) {
        Optional<String> key = respondent.customerKey();
        if (key.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return ChurnSignalsRepository.lock(connection, tenant, key.get(), respondent, now)
                .chain(kept -> assess(connection, kept, triggeringEventId, now));
    }

    private Uni<Void> assess(SqlConnection connection, CustomerSignals kept, String triggeringEventId, Instant now) {
        return ChurnSignalsRepository.unresolvedCases(connection, kept.tenant(), kept.customerKey())
                .chain(unresolved -> {
                    List<ChurnSignals.DatedSentiment> sentiments = kept.sentiment() == null ? List.of()
                            : List.of(kept.sentiment());
                    ChurnRisk risk = ChurnRiskModel.assess(new ChurnSignals(kept.tenant(), kept.customerKey(),
                            kept.npsAnswers(), sentiments, unresolved), now);
                    if (Objects.equals(kept.riskScore(), risk.score()) && kept.riskBand() == risk.band()) {
                        return Uni.createFrom().voidItem();
                    }
                    ChurnRiskAssessed event = event(kept, risk, now);
                    String eventId = ChurnRiskAssessed.eventIdFor(kept.tenant(), kept.customerKey(),
                            triggeringEventId);
                    return ChurnSignalsRepository.saveAssessment(connection, kept.tenant(), kept.customerKey(),
                                    risk.score(), risk.band(), now)
                            .chain(() -> OutboxRepository.add(connection, List.of(new OutboxRepository.PendingEvent(
                                    event.announcement(eventId), kept.customerKey()))));
                });
    }

    /** The event announcing an assessment, with the customer's identities as kept. */
    static ChurnRiskAssessed event(CustomerSignals kept, ChurnRisk risk, Instant assessedAt) {
        Respondent respondent = kept.respondent();
        List<ChurnRiskAssessed.Reason> reasons = new ArrayList<>();
        for (ChurnReason reason : risk.reasons()) {
            reasons.add(new ChurnRiskAssessed.Reason(reason.factor().name(), reason.description(), reason.points()));
        }
        return new ChurnRiskAssessed(kept.tenant(), kept.customerKey(), new CustomerIdentities(
                respondent.customerId(), respondent.email(), respondent.phone(), respondent.verified()),
                risk.score(), risk.band().name(), reasons, assessedAt);
    }

    /** The signals with the response's NPS answer among the last two and its sentiment if it is the latest. */
    private static CustomerSignals withResponse(CustomerSignals kept, ResponseSignals response) {
        List<ChurnSignals.DatedScore> nps = new ArrayList<>(kept.npsAnswers());
        if (response.npsScore() != null) {
            nps.add(new ChurnSignals.DatedScore(ScaleScore.nps(response.npsScore()), response.submittedAt()));
            nps.sort(Comparator.comparing(ChurnSignals.DatedScore::at));
        }
        List<ChurnSignals.DatedScore> lastTwo = List.copyOf(nps.subList(Math.max(0, nps.size() - 2), nps.size()));
        ChurnSignals.DatedSentiment sentiment = kept.sentiment();
        if (response.sentiment() != null
                && (sentiment == null || !response.submittedAt().isBefore(sentiment.at()))) {
            sentiment = new ChurnSignals.DatedSentiment(response.sentiment(), response.submittedAt());
        }
        return new CustomerSignals(kept.tenant(), kept.customerKey(), kept.respondent(), lastTwo, sentiment,
                kept.riskScore(), kept.riskBand());
    }
}
