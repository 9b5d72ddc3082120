package io.hearken.profile.domain;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The identity rules: which profile an event or call belongs to, given the identities it names and those already
 * held. Written down in docs/architecture.md ("Identities and merges").
 *
 * <ol>
 * <li>A profile is VERIFIED or CLAIMED, never both: verified identities live only on verified profiles, claimed
 * ones only on claimed profiles. A value is held at most once verified and once claimed per tenant.</li>
 * <li>A verified claim resolves by its verified matches: none creates a verified profile with all its
 * identities; one attaches to it and adds the identities not yet verified anywhere; several prove the profiles
 * are one customer and merge them into the oldest.</li>
 * <li>A claimed claim never touches a verified profile: it attaches to the claimed profile of its strongest
 * claimed match (adding the identities nobody claims yet), or creates a claimed profile. It never merges.</li>
 * <li>Whenever the other trust level holds one of the identities, the profiles are linked as a possible match, for
 * a person to confirm with an operator merge.</li>
 * </ol>
 */
public final class Resolution {

    private Resolution() {
    }

    /** What to do. {@code add} are the identities to record on the target with the claim's trust. */
    public sealed interface Decision permits Create, Attach, Merge {
        Set<UUID> possibleMatches();
    }

    public record Create(Trust trust, List<Identity> add, Set<UUID> possibleMatches) implements Decision {
    }

    public record Attach(UUID profileId, List<Identity> add, Set<UUID> possibleMatches) implements Decision {
    }

    /** Merge {@code merged} into {@code survivor} (the oldest), then attach. */
    public record Merge(UUID survivor, List<UUID> merged, List<Identity> add, Set<UUID> possibleMatches)
            implements Decision {
    }

    public static Decision decide(IdentityClaim claim, List<KnownIdentity> known) {
        if (claim.isEmpty()) {
            throw new IllegalArgumentException("a claim without identities resolves to no profile");
        }
        boolean verified = claim.trust() == Trust.VERIFIED;
        List<KnownIdentity> sameTrust = known.stream().filter(held -> held.verified() == verified).toList();
        Set<UUID> otherTrust = new LinkedHashSet<>(known.stream()
                .filter(held -> held.verified() != verified).map(KnownIdentity::profileId).toList());
        List<Identity> unheld = claim.identities().stream()
                .filter(identity -> sameTrust.stream().noneMatch(held -> held.identity().equals(identity)))
                .toList();
        if (sameTrust.isEmpty()) {
            return new Create(claim.trust(), claim.identities(), otherTrust);
        }
        if (!verified) {
            UUID strongest = sameTrust.stream()
                    .min(Comparator.comparing((KnownIdentity held) -> held.identity().kind())
                            .thenComparing(KnownIdentity::profileCreatedAt)
                            .thenComparing(KnownIdentity::profileId))
                    .orElseThrow().profileId();
            return new Attach(strongest, unheld, otherTrust);
        }
        List<UUID> holders = sameTrust.stream()
                .sorted(Comparator.comparing(KnownIdentity::profileCreatedAt).thenComparing(KnownIdentity::profileId))
                .map(KnownIdentity::profileId)
                .distinct()
                .toList();
        if (holders.size() == 1) {
            return new Attach(holders.get(0), unheld, otherTrust);
        }
        return new Merge(holders.get(0), holders.subList(1, holders.size()), unheld, otherTrust);
    }
}
