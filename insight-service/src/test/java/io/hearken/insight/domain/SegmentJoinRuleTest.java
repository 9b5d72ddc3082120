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

/** What a response adds to the rows of its customer's segments once its attribution joins it. */
class SegmentJoinRuleTest {

    private static final Question NPS = new Question("nps", "NPS", 0, 10);
    private static final Question PLAN = new Question("plan", "SINGLE_CHOICE", 0, 0);

    private static ResponseFacts response(Instant at, List<ResponseFacts.CountedAnswer> answers) {
        return new ResponseFacts("r1", "acme", "s1", at, Map.of(Dimension.CHANNEL, "web",
                Dimension.SURVEY_VERSION, "2"), answers, List.of(), true);
    }

    @Test
    void eachSegmentCountsTheAnswersInTheDayAndMonthForAllItsResponsesAndTheirOwnSlice() {
        SegmentAnswers answers = SegmentAnswers.of(response(Instant.parse("2026-11-24T10:00:00Z"),
                List.of(new ResponseFacts.CountedAnswer(NPS, 9, null))), ZoneOffset.UTC);

        List<RollupKey> counters = ResponseRollups.segmentCountersOf("acme", answers, List.of("gold", "vip"));

        // 2 segments x day and month x all responses and own slice; the journey is not kept by segment
        assertEquals(8, counters.size());
        assertTrue(counters.contains(new RollupKey("acme", "s1", NPS, Grain.DAY, LocalDate.parse("2026-11-24"),
                false, "gold", List.of("*", "*", "*", "*", "*"), "9")));
        assertTrue(counters.contains(new RollupKey("acme", "s1", NPS, Grain.MONTH, LocalDate.parse("2026-11-01"),
                true, "vip", List.of("2", "web", "", "", ""), "9")));
        assertTrue(counters.stream().noneMatch(key -> key.segment().equals(Slice.ALL)));
    }

    @Test
    void theSegmentRowsAreTheEveryRespondentRowsWithTheSegmentSet() {
        ResponseFacts response = response(Instant.parse("2026-11-24T10:00:00Z"), List.of(
                new ResponseFacts.CountedAnswer(NPS, 3, null),
                new ResponseFacts.CountedAnswer(PLAN, null, List.of("pro", "pro"))));
        List<RollupKey> everyone = ResponseRollups.countersOf(response, ZoneOffset.UTC).stream()
                .filter(key -> !key.surveyId().equals(ResponseRollups.JOURNEY)).toList();

        List<RollupKey> gold = ResponseRollups.segmentCountersOf("acme",
                SegmentAnswers.of(response, ZoneOffset.UTC), List.of("gold"));

        assertEquals(everyone.stream().map(key -> new RollupKey(key.tenant(), key.surveyId(), key.question(),
                key.grain(), key.bucket(), key.sliced(), "gold", key.dimensionValues(), key.value())).toList(), gold);
    }

    @Test
    void noSegmentsAddNothingAndASegmentNamedTwiceCountsOnce() {
        SegmentAnswers answers = SegmentAnswers.of(response(Instant.parse("2026-11-24T10:00:00Z"),
                List.of(new ResponseFacts.CountedAnswer(NPS, 9, null))), ZoneOffset.UTC);

        assertEquals(List.of(), ResponseRollups.segmentCountersOf("acme", answers, List.of()));
        assertEquals(4, ResponseRollups.segmentCountersOf("acme", answers, List.of("gold", "gold")).size());
    }

    @Test
    void theDayIsFixedInTheTenantsZoneWhenTheResponseIsRead() {
        SegmentAnswers answers = SegmentAnswers.of(response(Instant.parse("2026-11-30T20:00:00Z"),
                List.of(new ResponseFacts.CountedAnswer(NPS, 9, null))), ZoneId.of("Asia/Tokyo"));

        assertEquals(LocalDate.parse("2026-12-01"), answers.day());
        assertTrue(ResponseRollups.segmentCountersOf("acme", answers, List.of("gold")).stream()
                .anyMatch(key -> key.grain() == Grain.MONTH && key.bucket().equals(LocalDate.parse("2026-12-01"))));
    }

    @Test
    void anOutcomeCountsForEveryCustomerAndInEachOfItsSegmentsOnce() {
        CustomerOutcomeFacts outcome = new CustomerOutcomeFacts("e1", "acme", "p1",
                CustomerOutcomeFacts.Outcome.PURCHASE, Instant.parse("2026-11-24T10:00:00Z"), null, null,
                List.of("gold", "gold", "vip"));

        assertEquals(List.of(Slice.ALL, "gold", "vip"), outcome.countedIn());
    }
}
