package io.hearken.insight.service;

import io.hearken.insight.domain.FollowUpCase;
import io.hearken.insight.domain.MeasuredRecovery;
import io.hearken.insight.domain.ResponseSignals;
import io.hearken.insight.domain.ScaleScore;
import io.hearken.insight.domain.ScoreScale;
import io.hearken.insight.repository.ChurnSignalsRepository;
import io.hearken.insight.repository.RecoveryRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Measures whether customers recovered after their cases were resolved: the first answer a customer gives after a
 * resolution, on the scale of the answer that raised the case, is judged by {@link FollowUpCase#recovery} and kept
 * with the case. An answer on another scale measures nothing and the case waits for the next one. Also answers the
 * tenant's recovery rate by outcome.
 */
@ApplicationScoped
public class RecoveryService {

    private final RecoveryRepository recoveries;

    public RecoveryService(RecoveryRepository recoveries) {
        this.recoveries = recoveries;
    }

    /**
     * Measures recovery for the resolved cases that wait for it of the customers who gave these responses, in the
     * caller's transaction and in the responses' order: one statement finds the customers with such a case, and
     * only their responses are looked at one by one.
     */
    public Uni<Void> measure(SqlConnection connection, List<ResponseSignals> responses, Instant now) {
        List<ChurnSignalsRepository.CustomerRef> customers = responses.stream()
                .flatMap(response -> response.respondent().customerKey().stream()
                        .map(key -> new ChurnSignalsRepository.CustomerRef(response.tenant(), key)))
                .distinct().toList();
        if (customers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return RecoveryRepository.customersAwaitingRecovery(connection, customers)
                .chain(awaiting -> Multi.createFrom().iterable(responses)
                        .filter(response -> response.respondent().customerKey()
                                .map(key -> awaiting.contains(new ChurnSignalsRepository.CustomerRef(
                                        response.tenant(), key)))
                                .orElse(false))
                        .onItem().transformToUniAndConcatenate(response -> measureAfter(connection, response, now))
                        .collect().last()
                        .replaceWithVoid());
    }

    /** Measures recovery for the respondent's resolved cases that wait for it, in the caller's transaction. */
    private Uni<Void> measureAfter(SqlConnection connection, ResponseSignals response, Instant now) {
        String key = response.respondent().customerKey().orElseThrow();
        return RecoveryRepository.awaitingRecovery(connection, response.tenant(), key, response.submittedAt())
                .chain(cases -> Multi.createFrom().iterable(cases)
                        .onItem().transformToUniAndConcatenate(followUp -> {
                            Optional<ScaleScore> answer = answerOn(followUp.triggeringScore().scale(), response);
                            if (answer.isEmpty()) {
                                return Uni.createFrom().voidItem();
                            }
                            MeasuredRecovery recovery = followUp.recovery(answer.get(), response.submittedAt());
                            if (recovery == MeasuredRecovery.NOT_MEASURABLE) {
                                return Uni.createFrom().voidItem();
                            }
                            return RecoveryRepository.record(connection, followUp, recovery, answer.get(),
                                    response.submittedAt(), response.responseId(), now);
                        })
                        .collect().last()
                        .replaceWithVoid());
    }

    /** Per outcome, the tenant's cases resolved in [from, to) with a recovery measured, and those recovered. */
    public Uni<List<RecoveryRepository.OutcomeRecovery>> summary(String tenant, Instant from, Instant to) {
        return recoveries.summary(tenant, from, to);
    }

    private static Optional<ScaleScore> answerOn(ScoreScale scale, ResponseSignals response) {
        if (scale == ScoreScale.NPS && response.npsScore() != null) {
            return Optional.of(ScaleScore.nps(response.npsScore()));
        }
        if (scale == ScoreScale.CSAT && !response.csatScores().isEmpty()) {
            return Optional.of(ScaleScore.csat(response.csatScores().get(0)));
        }
        return Optional.empty();
    }
}
