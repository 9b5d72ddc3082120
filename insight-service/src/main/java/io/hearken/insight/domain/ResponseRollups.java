package io.hearken.insight.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one response adds to the rollups: each countable answer once in its day and its month (by the tenant's local
 * date), each time under the slice of all responses and under the response's own dimension values; an NPS, CSAT or
 * CES answer also counts in the tenant's journey ({@link #JOURNEY}: every survey, by touchpoint and journey stage).
 * Counting is additive, so a batch of responses is the sum of these and a replay from the first event gives the same
 * rollups.
 */
public final class ResponseRollups {

    /**
     * The survey id and question id under which the journey's counters are kept: one question per score type across
     * every survey, sliced by touchpoint and journey stage only.
     */
    public static final String JOURNEY = "*";
    private static final Set<String> JOURNEY_TYPES = Set.of("NPS", "CSAT", "CES");

    private ResponseRollups() {
    }

    /** The counters {@code response} adds one to, in a tenant whose days are those of {@code zone}. */
    public static List<RollupKey> countersOf(ResponseFacts response, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(response.submittedAt(), zone);
        List<String> allResponses = List.of(Slice.ALL, Slice.ALL, Slice.ALL, Slice.ALL, Slice.ALL);
        List<String> ownValues = dimensionValues(response.dimensions());
        List<String> journeyValues = journeyValues(ownValues);
        List<RollupKey> counters = new ArrayList<>();
        for (ResponseFacts.CountedAnswer answer : response.answers()) {
            for (String value : valuesOf(answer)) {
                for (Grain grain : Grain.values()) {
                    LocalDate bucket = grain.bucketOf(day);
                    counters.add(new RollupKey(response.tenant(), response.surveyId(), answer.question(), grain,
                            bucket, false, allResponses, value));
                    counters.add(new RollupKey(response.tenant(), response.surveyId(), answer.question(), grain,
                            bucket, true, ownValues, value));
                    if (JOURNEY_TYPES.contains(answer.question().type())) {
                        Question journeyQuestion = new Question(JOURNEY, answer.question().type(),
                                answer.question().scaleMin(), answer.question().scaleMax());
                        counters.add(new RollupKey(response.tenant(), JOURNEY, journeyQuestion, grain, bucket, true,
                                journeyValues, value));
                    }
                }
            }
        }
        return counters;
    }

    /**
     * The join rule of segments: what a response adds once profile-service attributed it to a customer who was then
     * in {@code segments}: each of its answers in its day and month, under every respondent's dimensions and its own,
     * once per segment (the journey is not kept by segment). Nothing for no segments. The same whichever of the
     * response and its attribution came first, so a replay in any order gives the same rows.
     */
    public static List<RollupKey> segmentCountersOf(String tenant, SegmentAnswers response, List<String> segments) {
        List<String> allResponses = List.of(Slice.ALL, Slice.ALL, Slice.ALL, Slice.ALL, Slice.ALL);
        List<RollupKey> counters = new ArrayList<>();
        for (String segment : new LinkedHashSet<>(segments)) {
            for (SegmentAnswers.Answer answer : response.answers()) {
                ResponseFacts.CountedAnswer counted = answer.counted();
                for (String value : valuesOf(counted)) {
                    for (Grain grain : Grain.values()) {
                        LocalDate bucket = grain.bucketOf(response.day());
                        counters.add(new RollupKey(tenant, response.surveyId(), counted.question(), grain, bucket,
                                false, segment, allResponses, value));
                        counters.add(new RollupKey(tenant, response.surveyId(), counted.question(), grain, bucket,
                                true, segment, response.dimensionValues(), value));
                    }
                }
            }
        }
        return counters;
    }

    /** The journey's slice of a response: its touchpoint and stage, every version, channel and locale. */
    static List<String> journeyValues(List<String> dimensionValues) {
        return List.of(Slice.ALL, Slice.ALL, dimensionValues.get(Dimension.TOUCHPOINT.ordinal()),
                dimensionValues.get(Dimension.JOURNEY_STAGE.ordinal()), Slice.ALL);
    }

    static List<String> dimensionValues(Map<Dimension, String> dimensions) {
        List<String> values = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            String value = dimensions.get(dimension);
            values.add(value == null ? Slice.NONE : value);
        }
        return values;
    }

    private static List<String> valuesOf(ResponseFacts.CountedAnswer answer) {
        if (answer.score() != null) {
            return List.of(Integer.toString(answer.score()));
        }
        // An option picked twice in one answer counts once; the respondent counts once whatever they picked.
        LinkedHashSet<String> values = new LinkedHashSet<>();
        values.add(RollupKey.RESPONDENTS);
        values.addAll(answer.choices());
        return List.copyOf(values);
    }
}
