package io.hearken.profile.service;

import io.hearken.common.problem.ProblemException;
import io.hearken.profile.domain.CustomerProfile;
import io.hearken.profile.domain.Identity;
import io.hearken.profile.domain.IdentityKind;
import io.hearken.profile.domain.ProfileIdentity;
import io.hearken.profile.domain.SegmentRule;
import io.hearken.profile.domain.TraitType;
import io.hearken.profile.domain.TraitValue;
import io.hearken.profile.repository.IdentityRepository;
import io.hearken.profile.repository.ProfileRepository;
import io.hearken.profile.repository.ProfileSearchRepository.Search;
import io.hearken.profile.repository.ProfileSearchRepository;
import io.hearken.profile.repository.TraitRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Finds profiles by any identity, a trait's value or a segment, by pages. */
@ApplicationScoped
public class SearchService {

    private final ProfileSearchRepository search;
    private final ProfileRepository profiles;
    private final IdentityRepository identities;
    private final TraitRepository traits;
    private final SegmentService segmentService;

    public SearchService(ProfileSearchRepository search, ProfileRepository profiles, IdentityRepository identities,
                         TraitRepository traits, SegmentService segmentService) {
        this.search = search;
        this.profiles = profiles;
        this.identities = identities;
        this.traits = traits;
        this.segmentService = segmentService;
    }

    /** A found profile with its identities. */
    public record Found(CustomerProfile profile, List<ProfileIdentity> identities) {
    }

    /**
     * {@code identity}: a value of any kind ("mika@example.com", "C-1001", "+81 90 ..."); {@code trait}:
     * {@code key:value}; {@code segmentId}: a saved segment. At least one is needed.
     */
    public Uni<List<Found>> search(String tenant, String identity, String trait, UUID segmentId, UUID after,
                                   int limit) {
        if (identity == null && trait == null && segmentId == null) {
            throw ProblemException.invalidField("identity", "give identity, trait or segment");
        }
        List<Identity> anyOf = identity == null ? null : Arrays.stream(IdentityKind.values())
                .filter(kind -> kind.normalise(identity).isValid())
                .map(kind -> new Identity(kind, kind.normalise(identity).value()))
                .toList();
        if (anyOf != null && anyOf.isEmpty()) {
            throw ProblemException.invalidField("identity", "is no identity of any kind");
        }
        // The tenant's trait types are read only when a trait is searched for.
        return Panache.withSession(() -> (trait == null ? Uni.createFrom().<SegmentRule.TraitCondition>nullItem()
                        : traits.types(tenant).map(types -> traitCondition(trait, types)))
                .chain(condition -> segmentRule(tenant, segmentId).chain(rule ->
                        search.search(tenant, new Search(anyOf, condition, rule), after, limit,
                                ProfileService.now())))
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Found>of()) : profiles
                        .list("id in ?1", ids)
                        .chain(found -> identities.list("profileId in ?1", ids).map(held -> {
                            Map<UUID, List<ProfileIdentity>> byProfile = held.stream()
                                    .collect(Collectors.groupingBy(identityRow -> identityRow.profileId));
                            // In the order the search gave (PostgreSQL's uuid order, which the next page continues),
                            // not Java's: UUID.compareTo compares signed halves and would shuffle the page's last id.
                            Map<UUID, CustomerProfile> byId = found.stream()
                                    .collect(Collectors.toMap(profile -> profile.id, profile -> profile));
                            List<Found> page = new ArrayList<>();
                            ids.stream().filter(byId::containsKey).forEach(id -> page.add(
                                    new Found(byId.get(id), byProfile.getOrDefault(id, List.of()))));
                            return page;
                        }))));
    }

    private static SegmentRule.TraitCondition traitCondition(String trait, Map<String, TraitType> types) {
        if (trait == null) {
            return null;
        }
        int colon = trait.indexOf(':');
        if (colon < 1) {
            throw ProblemException.invalidField("trait", "must be key:value (plan:gold)");
        }
        String key = trait.substring(0, colon);
        TraitType type = types.get(key);
        if (type == null) {
            throw ProblemException.invalidField("trait", "unknown trait \"" + key + "\"");
        }
        String text = trait.substring(colon + 1);
        Object raw = switch (type) {
            case NUMBER -> parseNumber(text);
            case BOOLEAN -> Boolean.parseBoolean(text);
            default -> text;
        };
        try {
            return new SegmentRule.TraitCondition(key, type, SegmentRule.Operator.EQ,
                    TraitValue.of(key, type, raw).value());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("trait", e.getMessage());
        }
    }

    private static Object parseNumber(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("trait", "the value must be a number");
        }
    }

    private Uni<SegmentRule> segmentRule(String tenant, UUID segmentId) {
        return segmentId == null ? Uni.createFrom().nullItem() : segmentService.rule(tenant, segmentId);
    }
}
