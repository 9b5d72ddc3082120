package io.hearken.insight.service;

import io.hearken.common.events.CaseResolved;
import io.hearken.common.events.CustomerIdentities;
import io.hearken.common.problem.ProblemException;
import io.hearken.insight.domain.CaseResolution;
import io.hearken.insight.domain.CaseStatus;
import io.hearken.insight.domain.FollowUpCase;
import io.hearken.insight.domain.Respondent;
import io.hearken.insight.repository.CaseQuery;
import io.hearken.insight.repository.CaseRepository;
import io.hearken.insight.repository.OutboxRepository;
import io.hearken.insight.repository.StoredCase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Reads and changes a tenant's follow-up cases. A change is a domain command applied to the case as read and saved
 * only if nobody changed the case meanwhile; a lost race is a 409, and the domain's refusals
 * ({@code CaseTransitionException}, {@code DomainRuleException}) are left to the caller to answer.
 *
 * <p>A resolution commits with its {@code hearken.case.resolved.v1} in the outbox and the customer's churn risk
 * assessed again (one unresolved case fewer): the event cannot be lost to a crash after the commit, and the relay
 * appends it.
 */
@ApplicationScoped
public class CaseService {

    private final CaseRepository cases;
    private final ChurnService churn;

    public CaseService(CaseRepository cases, ChurnService churn) {
        this.cases = cases;
        this.churn = churn;
    }

    public Uni<StoredCase> find(String tenant, String id) {
        return cases.find(tenant, id).map(found -> found.orElseThrow(() -> ProblemException.notFound("Case", id)));
    }

    public Uni<List<StoredCase>> list(CaseQuery query) {
        return cases.list(query, Timestamps.now());
    }

    /**
     * Applies {@code command} (given the case and the time now) to the tenant's case and returns the case as stored
     * afterwards; 404 for a case the tenant does not have, 409 when someone else changed it first.
     */
    public Uni<StoredCase> change(String tenant, String id, BiFunction<FollowUpCase, Instant, FollowUpCase> command) {
        Instant now = Timestamps.now();
        return find(tenant, id)
                .chain(before -> {
                    FollowUpCase after = command.apply(before.followUpCase(), now);
                    return cases.save(before, after, now, connection -> whenResolved(connection, before, after, now));
                })
                .chain(saved -> {
                    if (!saved) {
                        throw ProblemException.conflict("Case '" + id + "' was changed by someone else meanwhile; "
                                + "read it again and retry.");
                    }
                    return find(tenant, id);
                });
    }

    /** Announces a resolution (through the outbox) and assesses the customer again; nothing for other changes. */
    private Uni<Void> whenResolved(SqlConnection connection, StoredCase before, FollowUpCase after, Instant now) {
        if (before.followUpCase().status() == CaseStatus.RESOLVED || after.status() != CaseStatus.RESOLVED) {
            return Uni.createFrom().voidItem();
        }
        CaseResolved event = resolvedEvent(before, after);
        String customerKey = before.respondent().customerKey().orElse(null);
        return OutboxRepository.add(connection, List.of(new OutboxRepository.PendingEvent(event.announcement(),
                        customerKey)))
                .chain(() -> churn.reassess(connection, List.of(new ChurnService.Reassessment(after.tenant(),
                        before.respondent(), CaseResolved.eventIdFor(after.id()))), now));
    }

    static CaseResolved resolvedEvent(StoredCase before, FollowUpCase after) {
        Respondent respondent = before.respondent();
        CustomerIdentities customer = respondent.isAnonymous() ? null : new CustomerIdentities(
                respondent.customerId(), respondent.email(), respondent.phone(), respondent.verified());
        CaseResolution resolution = after.resolution();
        return new CaseResolved(after.id(), after.alertId(), after.tenant(), before.alert().ruleName(),
                after.priority().name(), before.alert().responseId(), customer, resolution.outcome().name(),
                resolution.rootCause(), resolution.resolvedBy(), resolution.resolvedAt());
    }
}
