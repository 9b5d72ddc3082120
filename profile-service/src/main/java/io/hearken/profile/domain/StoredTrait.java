package io.hearken.profile.domain;

import java.time.Instant;

/** A trait value of a profile with who set it and when (a merge keeps the later one). */
public record StoredTrait(TraitValue value, String source, Instant updatedAt) {
}
