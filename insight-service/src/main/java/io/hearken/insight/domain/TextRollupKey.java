package io.hearken.insight.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * One counter of the text rollups: the texts of one {@code origin} (a survey's answers, feedback, or the tenant's
 * journey across surveys) that mention {@code topic} ({@link #ALL_TEXTS} for every text, the denominator of topic
 * shares), in one time bucket and slice, as {@link RollupKey} keeps answers.
 *
 * @param origin     {@code survey}, {@code feedback} or {@code journey}
 * @param originId   the survey's id; {@code *} for feedback of every source and for the journey
 * @param questionId the text question's id; {@code *} for feedback and the journey
 */
public record TextRollupKey(String tenant, String origin, String originId, boolean sliced, Grain grain,
                            LocalDate bucket, String questionId, List<String> dimensionValues, String topic) {

    public static final String ALL_TEXTS = "";
    public static final String SURVEY = "survey";
    public static final String FEEDBACK = "feedback";
    public static final String JOURNEY = "journey";
    public static final String ANY = "*";
}
