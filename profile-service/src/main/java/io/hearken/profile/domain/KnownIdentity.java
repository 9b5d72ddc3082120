package io.hearken.profile.domain;

import java.time.Instant;
import java.util.UUID;

/** An identity already held: on which profile, verified or claimed, and when that profile was created. */
public record KnownIdentity(Identity identity, boolean verified, UUID profileId, Instant profileCreatedAt) {
}
