package io.hearken.insight.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseRollupsTest {

    private static final Question NPS = new Question("nps", "NPS", 0, 10);
    private static final Question REASONS = new Question("why", "MULTIPLE_CHOICE", 0, 0);

    private static ResponseFacts response(Instant at, List<ResponseFacts.CountedAnswer> answers) {
        return new ResponseFacts("r1", "acme", "s1", at,
                Map.of(Dimension.CHANNEL, "web", Dimension.SURVEY_VERSION, "2"), answers, List.of());
    }

    @Test
    void countsAScaleAnswerInItsDayAndMonthForAllResponsesAndItsOwnSlice() {
        List<RollupKey> counters = ResponseRollups.countersOf(response(Instant.parse("2026-11-24T10:00:00Z"),
                List.of(new ResponseFacts.CountedAnswer(NPS, 9, null))), ZoneOffset.UTC);

        // day and month x all responses and own slice, and day and month in the journey (an NPS answer)
        assertEquals(6, counters.size());
        LocalDate day = LocalDate.parse("2026-11-24");
        assertTrue(counters.contains(new RollupKey("acme", "s1", NPS, Grain.DAY, day, false,
                List.of("*", "*", "*", "*", "*"), "9")));
        assertTrue(counters.contains(new RollupKey("acme", "s1", NPS, Grain.MONTH, LocalDate.parse("2026-11-01"),
                true, List.of("2", "web", "", "", ""), "9")));
    }

    @Test
    void bucketsByTheTenantsLocalDate() {
        List<RollupKey> counters = ResponseRollups.countersOf(response(Instant.parse("2026-11-30T20:00:00Z"),
                List.of(new ResponseFacts.CountedAnswer(NPS, 3, null))), ZoneId.of("Asia/Tokyo"));

        assertTrue(counters.stream().anyMatch(key -> key.grain() == Grain.DAY
                && key.bucket().equals(LocalDate.parse("2026-12-01"))));
        assertTrue(counters.stream().anyMatch(key -> key.grain() == Grain.MONTH
                && key.bucket().equals(LocalDate.parse("2026-12-01"))));
    }

    @Test
    void aChoiceAnswerCountsTheRespondentOnceAndEachOptionOnce() {
        List<RollupKey> counters = ResponseRollups.countersOf(response(Instant.parse("2026-11-24T10:00:00Z"),
                List.of(new ResponseFacts.CountedAnswer(REASONS, null, List.of("price", "speed", "price")))),
                ZoneOffset.UTC);

        List<String> values = counters.stream().filter(key -> key.grain() == Grain.DAY && !key.sliced())
                .map(RollupKey::value).toList();
        assertEquals(List.of(RollupKey.RESPONDENTS, "price", "speed"), values);
    }

    @Test
    void choiceSharesAreOfTheRespondents() {
        QuestionScores scores = QuestionScores.of(REASONS, Map.of(RollupKey.RESPONDENTS, 4L, "price", 3L,
                "speed", 1L));

        assertEquals(4, scores.count());
        assertEquals(75.0, scores.scores().get("price").value(), 1e-9);
        assertEquals(100 * 1.959964 * Math.sqrt(0.75 * 0.25 / 4), scores.scores().get("price").marginOfError(),
                1e-6);
        assertEquals(List.of("price", "speed"), List.copyOf(scores.distribution().keySet()));
    }

    @Test
    void eachScaleTypeHasItsScores() {
        assertEquals(List.of("nps"), List.copyOf(QuestionScores.of(NPS, Map.of("9", 1L)).scores().keySet()));
        assertEquals(List.of("csatTopTwoBox", "csatMean"), List.copyOf(QuestionScores.of(
                new Question("c", "CSAT", 1, 5), Map.of("4", 1L)).scores().keySet()));
        assertEquals(List.of("cesMean", "cesAgree"), List.copyOf(QuestionScores.of(
                new Question("e", "CES", 1, 7), Map.of("4", 1L)).scores().keySet()));
        assertEquals(List.of("mean"), List.copyOf(QuestionScores.of(
                new Question("r", "RATING", 1, 10), Map.of("4", 1L)).scores().keySet()));
        QuestionScores csat = QuestionScores.of(new Question("c", "CSAT", 1, 5), Map.of("5", 3L, "4", 1L, "1", 4L));
        assertEquals(50.0, csat.scores().get("csatTopTwoBox").value(), 1e-9);
        assertEquals(8, csat.count());
    }
}
