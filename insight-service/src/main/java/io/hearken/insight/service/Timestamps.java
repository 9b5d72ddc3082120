package io.hearken.insight.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time now at the precision PostgreSQL keeps (microseconds), so that an instant saved reads back equal: the
 * domain compares deadlines by equality ({@code FollowUpCase.escalateIfOverdue}) and cases as values.
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
