package io.hearken.profile.service;

import io.hearken.profile.domain.CustomerProfile;
import io.hearken.profile.domain.ProfileIdentity;
import io.hearken.profile.domain.Touchpoint;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A profile as the API shows it: who the customer is and what happened, newest first. */
public record ProfileView(UUID id, String tenant, Instant createdAt, Instant updatedAt,
                          List<IdentityView> identities, List<TouchpointView> timeline) {

    static ProfileView of(CustomerProfile profile, List<ProfileIdentity> identities, List<Touchpoint> timeline) {
        return new ProfileView(profile.id, profile.tenant, profile.createdAt, profile.updatedAt,
                identities.stream().map(identity -> new IdentityView(identity.kind, identity.value,
                        identity.verified)).toList(),
                timeline.stream().map(touchpoint -> new TouchpointView(touchpoint.kind, touchpoint.channel,
                        touchpoint.surveyId, touchpoint.responseId, touchpoint.score, touchpoint.comment,
                        touchpoint.occurredAt)).toList());
    }

    public record IdentityView(String kind, String value, boolean verified) {
    }

    public record TouchpointView(String type, String channel, String surveyId, String responseId, Integer score,
                                 String comment, Instant occurredAt) {
    }
}
