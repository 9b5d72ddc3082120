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
import io.hearken.insight.repository.ChurnSignalsRepository.CustomerRef;
import io.hearken.insight.repository.ChurnSignalsRepository.CustomerSignals;
import io.hearken.insight.repository.OutboxRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps each customer's churn signals and announces their churn risk when it changes. A response updates the
 * customer's last two NPS answers and latest sentiment; a case opening or resolving changes the count of their
 * unresolved cases. After either the customer is assessed again ({@link ChurnRiskModel}), and if the score or the band
 * moved, {@code hearken.customer.churn-risk.v1} goes into the outbox in the same transaction, its id derived from the
 * customer and the triggering event. Every method works in the caller's transaction on a whole batch: it locks the
 * customers' rows in customer order (so two transactions never wait for each other), applies each customer's changes
 * in their order in memory, assessing after each as one at a time would, and writes back once: a handful of statements
 * per batch instead of five or six per response.
 */
@ApplicationScoped
public class ChurnService {

    /** Customers in a fixed order: the order every transaction locks their rows in. */
    private static final Comparator<CustomerRef> CUSTOMER_ORDER = Comparator.comparing(CustomerRef::tenant)
            .thenComparing(CustomerRef::customerKey);

    /** A customer to assess again after their cases changed, and the event that changed them. */
    public record Reassessment(String tenant, Respondent respondent, String triggeringEventId) {
    }

    /** Updates the named customers' signals from their responses and assesses them again; anonymous ones are skipped. */
    public Uni<Void> record(SqlConnection connection, List<ResponseSignals> responses, Instant now) {
        List<Change> changes = new ArrayList<>();
        for (ResponseSignals response : responses) {
            response.respondent().customerKey().ifPresent(key -> changes.add(new Change(
                    new CustomerRef(response.tenant(), key), response.respondent(), response,
                    response.sourceEventId())));
        }
        return apply(connection, changes, now);
    }

    /** Assesses these customers again (their cases changed); anonymous ones are skipped. */
    public Uni<Void> reassess(SqlConnection connection, List<Reassessment> customers, Instant now) {
        List<Change> changes = new ArrayList<>();
        for (Reassessment customer : customers) {
            customer.respondent().customerKey().ifPresent(key -> changes.add(new Change(
                    new CustomerRef(customer.tenant(), key), customer.respondent(), null,
                    customer.triggeringEventId())));
        }
        return apply(connection, changes, now);
    }

    /** One thing that happened to a customer: a response (null for a change of their cases) and its event. */
    private record Change(CustomerRef customer, Respondent respondent, ResponseSignals response,
                          String triggeringEventId) {
    }

    private Uni<Void> apply(SqlConnection connection, List<Change> changes, Instant now) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // A stable sort: one customer's changes keep their order.
        List<Change> ordered = changes.stream().sorted(Comparator.comparing(Change::customer, CUSTOMER_ORDER))
                .toList();
        List<CustomerRef> customers = ordered.stream().map(Change::customer).distinct().toList();
        return ChurnSignalsRepository.lock(connection, customers, now)
                .chain(kept -> ChurnSignalsRepository.unresolvedCases(connection, customers)
                        .chain(unresolved -> {
                            Map<CustomerRef, CustomerSignals> current = new LinkedHashMap<>();
                            customers.forEach(customer -> current.put(customer, kept.get(customer)));
                            Set<CustomerRef> assessed = new HashSet<>();
                            List<OutboxRepository.PendingEvent> announcements = new ArrayList<>();
                            for (Change change : ordered) {
                                CustomerSignals before = current.get(change.customer());
                                CustomerSignals signals = withIdentities(before, change.respondent());
                                if (change.response() != null) {
                                    signals = withResponse(signals, change.response());
                                }
                                ChurnRisk risk = assess(signals, unresolved.getOrDefault(change.customer(), 0), now);
                                if (!Objects.equals(signals.riskScore(), risk.score())
                                        || signals.riskBand() != risk.band()) {
                                    String eventId = ChurnRiskAssessed.eventIdFor(signals.tenant(),
                                            signals.customerKey(), change.triggeringEventId());
                                    announcements.add(new OutboxRepository.PendingEvent(
                                            event(signals, risk, now).announcement(eventId), signals.customerKey()));
                                    signals = withRisk(signals, risk);
                                    assessed.add(change.customer());
                                }
                                current.put(change.customer(), signals);
                            }
                            return ChurnSignalsRepository.save(connection, List.copyOf(current.values()), assessed,
                                            now)
                                    .chain(() -> OutboxRepository.add(connection, announcements));
                        }));
    }

    private static ChurnRisk assess(CustomerSignals signals, int unresolvedCases, Instant now) {
        List<ChurnSignals.DatedSentiment> sentiments = signals.sentiment() == null ? List.of()
                : List.of(signals.sentiment());
        return ChurnRiskModel.assess(new ChurnSignals(signals.tenant(), signals.customerKey(), signals.npsAnswers(),
                sentiments, unresolvedCases), now);
    }

    /** The identities kept first, each filled in from the change where it lacked one. */
    private static CustomerSignals withIdentities(CustomerSignals kept, Respondent seen) {
        Respondent known = kept.respondent();
        Respondent merged = new Respondent(known.customerId() != null ? known.customerId() : seen.customerId(),
                known.email() != null ? known.email() : seen.email(),
                known.phone() != null ? known.phone() : seen.phone(), known.verified() || seen.verified());
        return new CustomerSignals(kept.tenant(), kept.customerKey(), merged, kept.npsAnswers(), kept.sentiment(),
                kept.riskScore(), kept.riskBand());
    }

    private static CustomerSignals withRisk(CustomerSignals kept, ChurnRisk risk) {
        return new CustomerSignals(kept.tenant(), kept.customerKey(), kept.respondent(), kept.npsAnswers(),
                kept.sentiment(), risk.score(), risk.band());
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
