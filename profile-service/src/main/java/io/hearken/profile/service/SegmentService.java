package io.hearken.profile.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.common.problem.ProblemException;
import io.hearken.profile.domain.SegmentRule;
import io.hearken.profile.repository.SegmentRepository.SavedSegment;
import io.hearken.profile.repository.SegmentRepository.SegmentDefinition;
import io.hearken.profile.repository.SegmentRepository;
import io.hearken.profile.repository.TraitRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Saved, rule-based segments, evaluated when asked: a count, and members by pages. */
@ApplicationScoped
public class SegmentService {

    private final SegmentRepository segments;
    private final TraitRepository traits;
    private final ObjectMapper json;

    public SegmentService(SegmentRepository segments, TraitRepository traits, ObjectMapper json) {
        this.segments = segments;
        this.traits = traits;
        this.json = json;
    }

    /** A segment with how many profiles it holds now. */
    public record EvaluatedSegment(SavedSegment segment, long members) {
    }

    public Uni<EvaluatedSegment> create(String tenant, String name, JsonNode rule) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ProblemException.invalidField("name", "must be 1 to 200 characters");
        }
        return Conflicts.inTransaction(() -> parse(tenant, rule).chain(parsed -> {
            SavedSegment segment = new SavedSegment(UUID.randomUUID(), tenant, name.strip(), write(rule),
                    ProfileService.now());
            return segments.list(tenant).chain(existing -> {
                if (existing.stream().anyMatch(other -> other.name().equals(segment.name()))) {
                    throw ProblemException.conflict("A segment named \"" + segment.name() + "\" exists.");
                }
                return segments.save(segment);
            }).chain(() -> segments.count(tenant, parsed, ProfileService.now()))
                    .map(count -> new EvaluatedSegment(segment, count));
        }));
    }

    public Uni<List<SavedSegment>> list(String tenant) {
        return Panache.withSession(() -> segments.list(tenant));
    }

    /** A page of the tenant's segments by name, after {@code afterName}/{@code afterId} (null: the first page). */
    public Uni<List<SavedSegment>> page(String tenant, String afterName, UUID afterId, int limit) {
        return Panache.withSession(() -> segments.page(tenant, afterName, afterId, limit));
    }

    public Uni<EvaluatedSegment> get(String tenant, UUID id) {
        return Panache.withSession(() -> find(tenant, id).chain(segment -> parse(tenant, read(segment.rule()))
                .chain(rule -> segments.count(tenant, rule, ProfileService.now()))
                .map(count -> new EvaluatedSegment(segment, count))));
    }

    public Uni<List<UUID>> members(String tenant, UUID id, UUID after, int limit) {
        return Panache.withSession(() -> rule(tenant, id)
                .chain(rule -> segments.members(tenant, rule, after, limit, ProfileService.now())));
    }

    public Uni<Void> delete(String tenant, UUID id) {
        return Conflicts.inTransaction(() -> segments.delete(tenant, id)).map(count -> {
            if (count == 0) {
                throw ProblemException.notFound("Segment", id.toString());
            }
            return null;
        });
    }

    /**
     * Which of the tenant's saved segments each profile is in now, evaluated in the caller's transaction: the
     * segments, the trait types their rules need, and one statement for every rule and profile. A saved rule that no
     * longer parses (a trait it names was removed) selects nobody.
     */
    public Uni<Map<UUID, List<String>>> membershipsOf(String tenant, Collection<UUID> profiles, Instant now) {
        return segments.list(tenant).chain(saved -> {
            if (saved.isEmpty()) {
                return Uni.createFrom().item(Map.<UUID, List<String>>of());
            }
            return traits.types(tenant).chain(types -> {
                List<SegmentDefinition> definitions = new ArrayList<>();
                for (SavedSegment segment : saved) {
                    try {
                        definitions.add(new SegmentDefinition(segment.id(),
                                SegmentRule.parse(read(segment.rule()), types)));
                    } catch (SegmentRule.InvalidRuleException e) {
                        Log.warnf("Segment %s of tenant %s no longer parses (%s): it selects nobody", segment.id(),
                                tenant, e.getMessage());
                    }
                }
                return segments.memberships(tenant, definitions, profiles, now);
            });
        });
    }

    /** A saved segment's rule, parsed, in the caller's session (404 if the tenant has no such segment). */
    Uni<SegmentRule> rule(String tenant, UUID id) {
        return find(tenant, id).chain(segment -> parse(tenant, read(segment.rule())));
    }

    private Uni<SavedSegment> find(String tenant, UUID id) {
        return segments.find(tenant, id).map(found -> found.orElseThrow(() ->
                ProblemException.notFound("Segment", id.toString())));
    }

    private Uni<SegmentRule> parse(String tenant, JsonNode rule) {
        return traits.types(tenant).map(types -> {
            try {
                return SegmentRule.parse(rule, types);
            } catch (SegmentRule.InvalidRuleException e) {
                throw ProblemException.invalidField(e.field(), e.getMessage());
            }
        });
    }

    private String write(JsonNode rule) {
        try {
            return json.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String rule) {
        try {
            return json.readTree(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a saved rule is JSON", e);
        }
    }
}
