package io.hearken.profile.service;

import io.hearken.profile.domain.ChurnRiskTrait;
import io.hearken.profile.domain.Identity;
import io.hearken.profile.domain.IdentityClaim;
import io.hearken.profile.domain.IdentityHash;
import io.hearken.profile.repository.ChurnRiskRepository;
import io.hearken.profile.repository.ErasureRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Keeps insight-service's churn risk assessments as the {@code churnRisk} trait of the customer they are about,
 * found the way a response's respondent is ({@link IdentityResolver}: verified identities reach verified profiles,
 * claimed ones stay claimed). Each event applies once, by id, and an assessment older than the one kept changes
 * nothing; an assessment of an erased customer made before the erasure is dropped rather than re-creating them.
 */
@ApplicationScoped
public class ChurnRiskService {

    /** What applying an assessment did. */
    public enum Outcome { KEPT, STALE, ALREADY_APPLIED, ANONYMOUS, ERASED_CUSTOMER }

    private final IdentityResolver resolver;
    private final ChurnRiskRepository churnRisks;
    private final ErasureRepository erasures;

    public ChurnRiskService(IdentityResolver resolver, ChurnRiskRepository churnRisks, ErasureRepository erasures) {
        this.resolver = resolver;
        this.churnRisks = churnRisks;
        this.erasures = erasures;
    }

    /** Applies event {@code eventId} of {@code consumer} in its own transaction, run again after a conflict. */
    public Uni<Outcome> apply(String consumer, String eventId, String tenant, IdentityClaim claim,
                              ChurnRiskTrait risk) {
        if (claim.isEmpty()) {
            return Uni.createFrom().item(Outcome.ANONYMOUS);
        }
        List<String> hashes = claim.identities().stream()
                .map((Identity identity) -> IdentityHash.of(tenant, identity)).toList();
        return Conflicts.inTransaction(() -> churnRisks.recordProcessed(consumer, eventId).chain(fresh -> {
            if (!fresh) {
                return Uni.createFrom().item(Outcome.ALREADY_APPLIED);
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return erasures.erasedAt(tenant, hashes).chain(erasedAt -> {
                if (erasedAt.isPresent() && !risk.assessedAt().isAfter(erasedAt.get())) {
                    return Uni.createFrom().item(Outcome.ERASED_CUSTOMER);
                }
                return resolver.resolve(tenant, claim, now)
                        .chain(profileId -> churnRisks.keepIfNewer(profileId, risk, now))
                        .map(kept -> kept ? Outcome.KEPT : Outcome.STALE);
            });
        }));
    }
}
