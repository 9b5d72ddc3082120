package io.hearken.insight.domain;

import io.hearken.insight.domain.text.Language;
import io.hearken.insight.domain.text.SentimentLabel;
import io.hearken.insight.domain.text.TextAnalysis;
import io.hearken.insight.domain.text.Topic;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextRollupsTest {

    private static final TextAnalysis LATE_DELIVERY = new TextAnalysis(Language.ENGLISH, -0.6,
            SentimentLabel.NEGATIVE, List.of(), List.of(new Topic("delivery", List.of("delivery"))), List.of());

    private static ResponseFacts detractor(List<AnalysedText> texts) {
        return new ResponseFacts("r1", "acme", "s1", Instant.parse("2026-11-24T10:00:00Z"),
                Map.of(Dimension.CHANNEL, "web", Dimension.JOURNEY_STAGE, "delivery"),
                List.of(new ResponseFacts.CountedAnswer(new Question("nps", "NPS", 0, 10), 3, null)), texts);
    }

    @Test
    void aTextCountsUnderEachTopicAndAllTextsInItsSurveyItsSliceAndTheJourney() {
        Map<TextRollupKey, TextCounts> counters = TextRollups.countersOf(
                detractor(List.of(new AnalysedText("why", LATE_DELIVERY))), ZoneOffset.UTC);

        // 2 topics ("" and delivery) x 2 grains x (all, own slice, journey)
        assertEquals(12, counters.size());
        TextCounts expected = new TextCounts(1, -600, 1, 0, 0, 1, 0, 0);
        assertEquals(expected, counters.get(new TextRollupKey("acme", "survey", "s1", false, Grain.DAY,
                LocalDate.parse("2026-11-24"), "why", List.of("*", "*", "*", "*", "*"), "delivery")));
        assertEquals(expected, counters.get(new TextRollupKey("acme", "journey", "*", true, Grain.MONTH,
                LocalDate.parse("2026-11-01"), "*", List.of("*", "*", "", "delivery", "*"), "")));
        assertTrue(counters.containsKey(new TextRollupKey("acme", "survey", "s1", true, Grain.DAY,
                LocalDate.parse("2026-11-24"), "why", List.of("", "web", "", "delivery", ""), "delivery")));
    }

    @Test
    void aResponseWithoutTextAddsNoTextCounter() {
        assertTrue(TextRollups.countersOf(detractor(List.of()), ZoneOffset.UTC).isEmpty());
    }

    @Test
    void feedbackCountsByItsSourceAndLanguageWithoutAnNpsGroup() {
        Map<TextRollupKey, TextCounts> counters = TextRollups.countersOf(new FeedbackFacts("f1", "acme", "appstore",
                "ja", Instant.parse("2026-11-24T10:00:00Z"), new AnalysedText("*", LATE_DELIVERY)), ZoneOffset.UTC);

        assertEquals(8, counters.size());
        assertEquals(new TextCounts(1, -600, 1, 0, 0, 0, 0, 0), counters.get(new TextRollupKey("acme", "feedback",
                "*", true, Grain.DAY, LocalDate.parse("2026-11-24"), "*", List.of("", "appstore", "", "", "ja"),
                "delivery")));
    }

    @Test
    void npsAnswersCountInTheJourneyByTouchpointAndStage() {
        List<RollupKey> counters = ResponseRollups.countersOf(detractor(List.of()), ZoneOffset.UTC);

        assertEquals(6, counters.size());
        assertTrue(counters.contains(new RollupKey("acme", "*", new Question("*", "NPS", 0, 10), Grain.DAY,
                LocalDate.parse("2026-11-24"), true, List.of("*", "*", "", "delivery", "*"), "3")));
    }
}
