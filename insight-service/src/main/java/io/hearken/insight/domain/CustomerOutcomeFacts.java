package io.hearken.insight.domain;

import java.time.Instant;
import java.util.Locale;

/**
 * One business outcome of one customer (profile), with the NPS group of their last answer before it (null: none):
 * what the outcome rollups count.
 */
public record CustomerOutcomeFacts(String eventId, String tenant, String profileId, Outcome outcome,
                                   Instant occurredAt, String journeyStage, NpsScore.NpsGroup npsGroup) {

    /** The outcomes partners record. */
    public enum Outcome {
        PURCHASE, RENEWAL, CANCELLATION
    }

    /** The group's name in the rollups and the API: {@code detractor}, {@code passive}, {@code promoter}, none. */
    public String groupName() {
        return npsGroup == null ? "none" : npsGroup.name().toLowerCase(Locale.ROOT);
    }

    /** What this outcome adds, given whether it is a purchase by a customer who had bought before. */
    public OutcomeCounts counts(boolean repeatPurchase) {
        return switch (outcome) {
            case PURCHASE -> new OutcomeCounts(1, repeatPurchase ? 1 : 0, 0, 0);
            case RENEWAL -> new OutcomeCounts(0, 0, 1, 0);
            case CANCELLATION -> new OutcomeCounts(0, 0, 0, 1);
        };
    }
}
