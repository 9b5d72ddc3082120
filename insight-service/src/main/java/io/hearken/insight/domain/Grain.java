package io.hearken.insight.domain;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The time buckets rollups are kept in, by the tenant's local date: every answer counts in its day and in its month,
 * so a range is read as its whole months plus the days at either edge — at most 12 rows a year and 60 edge days per
 * slice, whatever the volume.
 */
public enum Grain {
    DAY("D"),
    MONTH("M");

    private final String code;

    Grain(String code) {
        this.code = code;
    }

    /** How the grain is stored (one letter, part of the rollups' key). */
    public String code() {
        return code;
    }

    /** The first day of the bucket holding {@code date}. */
    public LocalDate bucketOf(LocalDate date) {
        return this == DAY ? date : date.with(TemporalAdjusters.firstDayOfMonth());
    }
}
