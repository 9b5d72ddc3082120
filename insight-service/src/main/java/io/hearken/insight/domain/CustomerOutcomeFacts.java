package io.hearken.insight.domain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One business outcome of one customer (profile), with the NPS group of their last answer before it (null: none) and
 * the segments the customer was in when it was recorded: what the outcome rollups count.
 */
public record CustomerOutcomeFacts(String eventId, String tenant, String profileId, Outcome outcome,
                                   Instant occurredAt, String journeyStage, NpsScore.NpsGroup npsGroup,
                                   List<String> segments) {

    /** The outcomes partners record. */
    public enum Outcome {
        PURCHASE, RENEWAL, CANCELLATION
    }

    /** The group's name in the rollups and the API: {@code detractor}, {@code passive}, {@code promoter}, none. */
    public String groupName() {
        return npsGroup == null ? "none" : npsGroup.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The segments whose rows the outcome counts in: every customer's ({@link Slice#ALL}) and each of the customer's
     * own, once.
     */
    public List<String> countedIn() {
        Set<String> in = new LinkedHashSet<>();
        in.add(Slice.ALL);
        in.addAll(segments);
        return List.copyOf(in);
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
