package io.hearken.profile.domain;

import java.time.Instant;

/** One consent decision as kept: what was answered, where, who recorded it, and the wording shown. */
public record ConsentRecord(String channel, String purpose, String status, String source, String actor,
                            String wording, Instant recordedAt) {
}
