package io.hearken.insight.service;

import io.hearken.common.problem.ProblemException;
import io.hearken.insight.domain.FollowUpCase;
import io.hearken.insight.repository.CaseQuery;
import io.hearken.insight.repository.CaseRepository;
import io.hearken.insight.repository.StoredCase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Reads and changes a tenant's follow-up cases. A change is a domain command applied to the case as read and saved
 * only if nobody changed the case meanwhile; a lost race is a 409, and the domain's refusals
 * ({@code CaseTransitionException}, {@code DomainRuleException}) are left to the caller to answer.
 */
@ApplicationScoped
public class CaseService {

    private final CaseRepository cases;

    public CaseService(CaseRepository cases) {
        this.cases = cases;
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
                .chain(before -> cases.save(before, command.apply(before.followUpCase(), now), now))
                .chain(saved -> {
                    if (!saved) {
                        throw ProblemException.conflict("Case '" + id + "' was changed by someone else meanwhile; "
                                + "read it again and retry.");
                    }
                    return find(tenant, id);
                });
    }
}
