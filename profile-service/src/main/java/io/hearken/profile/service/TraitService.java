package io.hearken.profile.service;

import io.hearken.common.problem.Problem;
import io.hearken.common.problem.ProblemException;
import io.hearken.profile.domain.TraitType;
import io.hearken.profile.domain.TraitValue;
import io.hearken.profile.messaging.ProfileEvents;
import io.hearken.profile.repository.TraitRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Typed traits: the tenant's definitions, and values set on a profile by the API or an import. */
@ApplicationScoped
public class TraitService {

    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,62}");

    private final TraitRepository traits;
    private final ProfileLookup lookup;
    private final ProfileEvents events;

    public TraitService(TraitRepository traits, ProfileLookup lookup, ProfileEvents events) {
        this.traits = traits;
        this.lookup = lookup;
        this.events = events;
    }

    /** Defines a trait; defining it again with the same type changes nothing, with another is a conflict. */
    public Uni<TraitType> define(String tenant, String key, String type, String description) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ProblemException.invalidField("key", "must be a letter then letters, digits or _ (at most 63)");
        }
        if (TraitValue.BUILT_IN.containsKey(key) || TraitValue.COMPUTED.contains(key)) {
            throw ProblemException.invalidField("key", "\"" + key + "\" is a built-in trait");
        }
        TraitType traitType = TraitType.fromWire(type).orElseThrow(() -> ProblemException.invalidField("type",
                "unknown trait type \"" + type + "\" (string, number, boolean, date)"));
        return Conflicts.inTransaction(() -> traits.define(tenant, key, traitType, description, ProfileService.now())
                .chain(() -> traits.definedType(tenant, key))).map(stored -> {
                    if (stored != traitType) {
                        throw ProblemException.conflict("Trait " + key + " is already defined as "
                                + stored.wireName());
                    }
                    return stored;
                });
    }

    /**
     * Sets and removes traits of a profile in one transaction: every value is checked against its trait's type
     * first, and one wrong value changes nothing. Answers the live profile's id.
     */
    public Uni<UUID> set(String tenant, UUID id, Map<String, Object> values, List<String> remove, String source) {
        return Conflicts.inTransaction(() -> traits.types(tenant).chain(types -> {
            List<TraitValue> typed = typed(values, types, "traits.");
            return lookup.lockForWrite(tenant, id).chain(live -> write(live, typed, remove, source)
                    .chain(() -> events.changed(tenant, live, List.of("traits"), ProfileService.now()))
                    .replaceWith(live));
        }));
    }

    /** Writes already-checked values in the caller's transaction. */
    Uni<Void> write(UUID profileId, List<TraitValue> typed, List<String> remove, String source) {
        Instant now = ProfileService.now();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (TraitValue value : typed) {
            chain = chain.chain(() -> traits.set(profileId, value, source, now).replaceWithVoid());
        }
        for (String key : remove == null ? List.<String>of() : remove) {
            chain = chain.chain(() -> traits.remove(profileId, key).replaceWithVoid());
        }
        return chain;
    }

    /** Checks values against the tenant's trait types; every problem named by {@code prefix + key}. */
    static List<TraitValue> typed(Map<String, Object> values, Map<String, TraitType> types, String prefix) {
        List<TraitValue> typed = new ArrayList<>();
        List<Problem.FieldError> problems = new ArrayList<>();
        (values == null ? Map.<String, Object>of() : values).forEach((key, raw) -> {
            TraitType type = types.get(key);
            if (type == null) {
                problems.add(new Problem.FieldError(prefix + key, TraitValue.COMPUTED.contains(key)
                        ? "is computed from events and cannot be set"
                        : "unknown trait (define it first: PUT /v1/profiles/traits/" + key + ")"));
                return;
            }
            try {
                typed.add(TraitValue.of(key, type, raw));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem.FieldError(prefix + key, e.getMessage() + " (" + type.wireName() + ")"));
            }
        });
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        return typed;
    }

    /** Checks values against the types without writing them; throws the problem naming each wrong one. */
    public void check(Map<String, Object> values, Map<String, TraitType> types) {
        typed(values, types, "traits.");
    }

    public Uni<Map<String, TraitType>> types(String tenant) {
        return Panache.withSession(() -> traits.types(tenant));
    }
}
