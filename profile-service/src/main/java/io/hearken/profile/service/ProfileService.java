package io.hearken.profile.service;

import io.hearken.common.events.ResponseSubmitted;
import io.hearken.common.problem.ProblemException;
import io.hearken.profile.domain.CustomerProfile;
import io.hearken.profile.domain.IdentityKind;
import io.hearken.profile.domain.ProfileIdentity;
import io.hearken.profile.domain.Touchpoint;
import io.hearken.profile.repository.IdentityRepository;
import io.hearken.profile.repository.ProfileRepository;
import io.hearken.profile.repository.TouchpointRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Keeps one profile per customer: finds the profile by the strongest identity an event names (or creates it with
 * all of them), and appends the event to the journey timeline exactly once.
 */
@ApplicationScoped
public class ProfileService {

    static final String RESPONSE_SUBMITTED = "response.submitted";
    private static final int TIMELINE_LIMIT = 200;

    private final ProfileRepository profiles;
    private final IdentityRepository identities;
    private final TouchpointRepository touchpoints;

    public ProfileService(ProfileRepository profiles, IdentityRepository identities,
                          TouchpointRepository touchpoints) {
        this.profiles = profiles;
        this.identities = identities;
        this.touchpoints = touchpoints;
    }

    /**
     * Records a response on its customer's timeline in one transaction.
     *
     * @return false when there was nothing to do: an anonymous response, or one recorded before
     */
    public Uni<Boolean> recordResponse(ResponseSubmitted event) {
        Map<IdentityKind, String> named = Identities.of(event.respondent());
        if (named.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> touchpoints.existsForEvent(event.tenant(), event.responseId())
                .chain(recorded -> recorded
                        ? Uni.createFrom().item(false)
                        : resolveProfile(event.tenant(), named, now)
                        .chain(profile -> touchpoints.persist(responseTouchpoint(profile, event, now)))
                        .replaceWith(true)));
    }

    private Uni<CustomerProfile> resolveProfile(String tenant, Map<IdentityKind, String> named, Instant now) {
        return Multi.createFrom().iterable(named.entrySet())
                .onItem().transformToUniAndConcatenate(entry ->
                        identities.findIdentity(tenant, entry.getKey().column(), entry.getValue())
                                .map(found -> new AbstractMap.SimpleEntry<>(entry, found)))
                .collect().asList()
                .chain(lookups -> {
                    UUID knownProfileId = lookups.stream()
                            .map(Map.Entry::getValue)
                            .filter(Objects::nonNull)
                            .map(identity -> identity.profileId)
                            .findFirst().orElse(null);
                    if (knownProfileId != null) {
                        // A public submission is not proof that a new email or phone belongs to this customer:
                        // linking it would let anyone attach their phone to someone else's profile. Identities are
                        // linked only when a profile is created; merging known profiles needs a verified link.
                        return profiles.findById(knownProfileId).invoke(found -> found.updatedAt = now);
                    }
                    CustomerProfile created = CustomerProfile.create(tenant, now);
                    List<ProfileIdentity> identitiesOfNewProfile = lookups.stream()
                            .map(lookup -> ProfileIdentity.of(created, lookup.getKey().getKey(),
                                    lookup.getKey().getValue(), now))
                            .toList();
                    return profiles.persist(created).call(() -> identities.persist(identitiesOfNewProfile));
                });
    }

    private static Touchpoint responseTouchpoint(CustomerProfile profile, ResponseSubmitted event, Instant now) {
        Touchpoint touchpoint = new Touchpoint();
        touchpoint.id = UUID.randomUUID();
        touchpoint.profileId = profile.id;
        touchpoint.tenant = event.tenant();
        touchpoint.kind = RESPONSE_SUBMITTED;
        touchpoint.sourceEventId = event.responseId();
        touchpoint.channel = event.channel();
        touchpoint.surveyId = event.surveyId();
        touchpoint.responseId = event.responseId();
        touchpoint.score = event.npsScore();
        touchpoint.comment = event.answers() == null ? null : event.answers().stream()
                .filter(answer -> answer.text() != null)
                .map(ResponseSubmitted.AnswerValue::text)
                .findFirst().orElse(null);
        touchpoint.occurredAt = event.submittedAt() == null ? now : event.submittedAt();
        touchpoint.recordedAt = now;
        return touchpoint;
    }

    public Uni<ProfileView> findByIdentity(String tenant, IdentityKind kind, String rawValue) {
        String value = Identities.normalise(kind, rawValue);
        if (value == null) {
            throw ProblemException.invalidField(kind.column(), "must not be blank");
        }
        return Panache.withSession(() -> identities.findIdentity(tenant, kind.column(), value)
                .chain(identity -> {
                    if (identity == null) {
                        throw ProblemException.notFound("Profile with " + kind.column(), value);
                    }
                    return view(identity.profileId);
                }));
    }

    public Uni<ProfileView> findById(String tenant, UUID profileId) {
        return Panache.withSession(() -> profiles.findInTenant(tenant, profileId)
                .chain(profile -> {
                    if (profile == null) {
                        throw ProblemException.notFound("Profile", profileId.toString());
                    }
                    return view(profile.id);
                }));
    }

    private Uni<ProfileView> view(UUID profileId) {
        return profiles.findById(profileId).chain(profile -> identities.findByProfile(profileId)
                .chain(known -> touchpoints.timeline(profileId, TIMELINE_LIMIT)
                        .map(timeline -> ProfileView.of(profile, known, timeline))));
    }
}
