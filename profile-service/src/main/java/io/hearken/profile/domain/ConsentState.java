package io.hearken.profile.domain;

import java.time.Instant;

/** A profile's current answer for one channel and purpose ({@link ConsentStatus} name as {@code status}). */
public record ConsentState(String channel, String purpose, String status, Instant updatedAt) {
}
