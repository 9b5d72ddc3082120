package io.hearken.insight.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A score-drop rule fires on a significant fall between consecutive periods, and on nothing else. */
class ScoreDropRuleTest {

    private static final Instant THIS_WEEK = Instant.parse("2026-11-16T00:00:00Z");

    private static final AlertRule WEEKLY_NPS = new AlertRule("drop", "acme", "NPS drop", AlertRuleType.SCORE_DROP,
            AlertRuleParameters.ofScoreDrop(ScoreMeasure.NPS, ScorePeriod.WEEK), null, Priority.URGENT, true);

    /** NPS over {@code promoters + passives + detractors} answers of 10, 8 and 3. */
    private static ScoreEstimate nps(int promoters, int passives, int detractors) {
        Tally tally = Tally.empty(0, 10);
        for (int i = 0; i < promoters; i++) {
            tally = tally.plus(10);
        }
        for (int i = 0; i < passives; i++) {
            tally = tally.plus(8);
        }
        for (int i = 0; i < detractors; i++) {
            tally = tally.plus(3);
        }
        return Scores.nps(tally);
    }

    private static ScorePeriodComparison weekly(ScoreEstimate previous, ScoreEstimate current) {
        return new ScorePeriodComparison("acme", null, ScoreMeasure.NPS, ScorePeriod.WEEK, THIS_WEEK, previous,
                current);
    }

    private static List<AlertTrigger> evaluate(ScorePeriodComparison comparison) {
        return new TenantAlertRules("acme", List.of(WEEKLY_NPS)).evaluate(comparison);
    }

    @Test
    void aSignificantDropFiresOnce() {
        ScoreEstimate before = nps(60, 20, 20);
        ScoreEstimate after = nps(30, 20, 50);
        assertTrue(Scores.significantChange(before, after));

        List<AlertTrigger> triggers = evaluate(weekly(before, after));

        assertEquals(1, triggers.size());
        AlertTrigger trigger = triggers.get(0);
        assertEquals("score-drop/NPS/WEEK/*/2026-11-16T00:00:00Z", trigger.sourceId());
        assertEquals("NPS fell by 60.0 from the week before, more than the margins of error explain", trigger.reason());
        assertTrue(trigger.evidence().startsWith("NPS WEEK: 40.0 ± "), trigger.evidence());
    }

    @Test
    void aSignificantRiseDoesNotFire() {
        ScoreEstimate low = nps(30, 20, 50);
        ScoreEstimate high = nps(60, 20, 20);
        assertTrue(Scores.significantChange(low, high));

        assertTrue(evaluate(weekly(low, high)).isEmpty());
    }

    @Test
    void aDropWithinTheMarginsDoesNotFire() {
        ScoreEstimate before = nps(60, 20, 20);
        ScoreEstimate after = nps(57, 20, 23);
        assertTrue(after.value() < before.value());

        assertTrue(evaluate(weekly(before, after)).isEmpty());
    }

    @Test
    void aDropInASmallSampleDoesNotFire() {
        ScoreEstimate before = nps(20, 0, 0);
        ScoreEstimate after = nps(0, 0, 20);
        assertTrue(Scores.significantChange(before, after), "significant, yet under 30 answers a period");

        assertTrue(evaluate(weekly(before, after)).isEmpty());
    }

    @Test
    void anotherScorePeriodOrSurveyDoesNotFire() {
        ScoreEstimate before = nps(60, 20, 20);
        ScoreEstimate after = nps(30, 20, 50);

        assertTrue(evaluate(new ScorePeriodComparison("acme", null, ScoreMeasure.NPS, ScorePeriod.MONTH, THIS_WEEK,
                before, after)).isEmpty());
        assertTrue(evaluate(new ScorePeriodComparison("acme", "survey-1", ScoreMeasure.NPS, ScorePeriod.WEEK,
                THIS_WEEK, before, after)).isEmpty());
        assertTrue(WEEKLY_NPS.evaluate(new ScorePeriodComparison("globex", null, ScoreMeasure.NPS, ScorePeriod.WEEK,
                THIS_WEEK, before, after)).isEmpty());
    }

    @Test
    void aScoreDropRuleNeverFiresForOneResponse() {
        ResponseSignals detractor = new ResponseSignals("acme", "e", "r", null, null, null, "web", THIS_WEEK, 0, null,
                -1.0, List.of("cancel"));

        assertTrue(WEEKLY_NPS.evaluate(detractor).isEmpty());
    }

    @Test
    void aCsatMeanDropFiresForACsatRule() {
        AlertRule csatRule = new AlertRule("csat", "acme", "CSAT drop", AlertRuleType.SCORE_DROP,
                AlertRuleParameters.ofScoreDrop(ScoreMeasure.CSAT_MEAN, ScorePeriod.DAY), "survey-1", Priority.HIGH,
                true);
        Tally good = Tally.empty(1, 5);
        Tally bad = Tally.empty(1, 5);
        for (int i = 0; i < 40; i++) {
            good = good.plus(i % 2 == 0 ? 5 : 4);
            bad = bad.plus(i % 2 == 0 ? 2 : 3);
        }

        ScorePeriodComparison comparison = new ScorePeriodComparison("acme", "survey-1", ScoreMeasure.CSAT_MEAN,
                ScorePeriod.DAY, THIS_WEEK, ScoreMeasure.CSAT_MEAN.estimate(good),
                ScoreMeasure.CSAT_MEAN.estimate(bad));

        assertEquals(1, new TenantAlertRules("acme", List.of(csatRule)).evaluate(comparison).size());
    }
}
