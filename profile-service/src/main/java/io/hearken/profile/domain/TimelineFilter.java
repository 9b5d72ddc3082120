package io.hearken.profile.domain;

import java.time.Instant;

/** What a timeline page is narrowed to; null parts match everything. */
public record TimelineFilter(String kind, String stage, String channel, Instant from, Instant to) {

    public static final TimelineFilter ANY = new TimelineFilter(null, null, null, null, null);
}
