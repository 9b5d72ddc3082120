package io.hearken.insight.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Churn risk: each signal's points and reason, the bands, the decay with age, and determinism. */
class ChurnRiskModelTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static Instant daysAgo(double days) {
        return NOW.minus(Duration.ofSeconds(Math.round(days * 86_400)));
    }

    private static ChurnSignals.DatedScore nps(int score, Instant at) {
        return new ChurnSignals.DatedScore(ScaleScore.nps(score), at);
    }

    private static ChurnSignals.DatedScore csat(int score, Instant at) {
        return new ChurnSignals.DatedScore(ScaleScore.csat(score), at);
    }

    private static ChurnSignals.DatedSentiment sentiment(double value, Instant at) {
        return new ChurnSignals.DatedSentiment(value, at);
    }

    private static ChurnSignals signals(List<ChurnSignals.DatedScore> scores,
                                        List<ChurnSignals.DatedSentiment> sentiments, int unresolvedCases) {
        return new ChurnSignals("acme", "customer-1", scores, sentiments, unresolvedCases);
    }

    private static List<String> reasons(ChurnRisk risk) {
        return risk.reasons().stream().map(ChurnReason::toString).toList();
    }

    @Test
    void noSignalsNoRisk() {
        ChurnRisk risk = ChurnRiskModel.assess(signals(List.of(), List.of(), 0), NOW);

        assertEquals(0, risk.score());
        assertEquals(RiskBand.LOW, risk.band());
        assertTrue(risk.reasons().isEmpty());
    }

    @Test
    void everySignalAtFullWeightAddsUpToOneHundred() {
        ChurnSignals all = signals(List.of(nps(8, daysAgo(40)), nps(3, Instant.parse("2026-11-20T09:00:00Z"))),
                List.of(sentiment(-0.6, Instant.parse("2026-11-21T09:00:00Z"))), 3);

        ChurnRisk risk = ChurnRiskModel.assess(all, NOW);

        assertEquals(List.of("detractor on 2026-11-20 (NPS 3): +35", "negative sentiment on 2026-11-21 (-0.60): +20",
                "NPS fell from 8 to 3 on 2026-11-20: +15", "3 unresolved cases: +30"), reasons(risk));
        assertEquals(100, risk.score());
        assertEquals(RiskBand.HIGH, risk.band());
        assertEquals(risk.score(), risk.reasons().stream().mapToInt(ChurnReason::points).sum());
    }

    @Test
    void aRecentDetractorAloneIsMediumRisk() {
        ChurnRisk risk = ChurnRiskModel.assess(signals(List.of(nps(6, daysAgo(2))), List.of(), 0), NOW);

        assertEquals(35, risk.score());
        assertEquals(RiskBand.MEDIUM, risk.band());
        assertEquals(ChurnFactor.DETRACTOR, risk.reasons().get(0).factor());
    }

    @Test
    void onlyTheLatestNpsAnswerDecidesDetractorStatus() {
        ChurnRisk recovered = ChurnRiskModel.assess(signals(List.of(nps(2, daysAgo(10)), nps(9, daysAgo(3))),
                List.of(), 0), NOW);
        ChurnRisk passive = ChurnRiskModel.assess(signals(List.of(nps(7, daysAgo(3))), List.of(), 0), NOW);

        assertEquals(0, recovered.score());
        assertEquals(0, passive.score());
    }

    @Test
    void unresolvedCasesCountTenEachUpToThirty() {
        assertEquals(List.of("1 unresolved case: +10"),
                reasons(ChurnRiskModel.assess(signals(List.of(), List.of(), 1), NOW)));
        assertEquals(List.of("2 unresolved cases: +20"),
                reasons(ChurnRiskModel.assess(signals(List.of(), List.of(), 2), NOW)));
        assertEquals(30, ChurnRiskModel.assess(signals(List.of(), List.of(), 7), NOW).score());
    }

    @Test
    void sentimentCountsAtTheThresholdAndNotAbove() {
        assertEquals(20, ChurnRiskModel.assess(signals(List.of(), List.of(sentiment(-0.3, daysAgo(1))), 0), NOW)
                .score());
        assertEquals(0, ChurnRiskModel.assess(signals(List.of(), List.of(sentiment(-0.29, daysAgo(1))), 0), NOW)
                .score());
        assertEquals(0, ChurnRiskModel.assess(signals(List.of(),
                List.of(sentiment(-0.9, daysAgo(5)), sentiment(0.4, daysAgo(1))), 0), NOW).score(),
                "the latest feedback is positive");
    }

    @Test
    void aFallingScoreOnAnyScaleCountsOnceForTheMostRecentFall() {
        ChurnRisk risk = ChurnRiskModel.assess(signals(List.of(csat(5, daysAgo(20)), csat(3, daysAgo(4)),
                nps(9, daysAgo(30)), nps(8, daysAgo(6))), List.of(), 0), NOW);

        assertEquals(List.of("CSAT fell from 5 to 3 on 2026-11-22: +15"), reasons(risk));
        assertEquals(RiskBand.LOW, risk.band());
    }

    @Test
    void aRiseOrASingleAnswerIsNoFall() {
        assertEquals(0, ChurnRiskModel.assess(signals(List.of(nps(7, daysAgo(9)), nps(8, daysAgo(2))), List.of(), 0),
                NOW).score());
        assertEquals(0, ChurnRiskModel.assess(signals(List.of(csat(3, daysAgo(2))), List.of(), 0), NOW).score());
    }

    @Test
    void signalsFadeAfterThirtyDaysAndVanishAtNinety() {
        assertEquals(35, ChurnRiskModel.assess(signals(List.of(nps(3, daysAgo(30))), List.of(), 0), NOW).score());
        assertEquals(18, ChurnRiskModel.assess(signals(List.of(nps(3, daysAgo(60))), List.of(), 0), NOW).score(),
                "half of 35, rounded half up");
        assertEquals(10, ChurnRiskModel.assess(signals(List.of(), List.of(sentiment(-0.5, daysAgo(60))), 0), NOW)
                .score());
        assertEquals(0, ChurnRiskModel.assess(signals(List.of(nps(3, daysAgo(90))), List.of(), 0), NOW).score());
        assertEquals(0, ChurnRiskModel.assess(signals(List.of(nps(3, daysAgo(200))), List.of(), 0), NOW).score());
        assertEquals(List.of("detractor on 2026-09-27 (NPS 3): +18"),
                reasons(ChurnRiskModel.assess(signals(List.of(nps(3, daysAgo(60))), List.of(), 0), NOW)));
    }

    @Test
    void theDecayCurve() {
        assertEquals(1.0, ChurnRiskModel.decay(NOW, NOW));
        assertEquals(1.0, ChurnRiskModel.decay(daysAgo(30), NOW));
        assertEquals(0.75, ChurnRiskModel.decay(daysAgo(45), NOW), 1e-9);
        assertEquals(0.0, ChurnRiskModel.decay(daysAgo(90), NOW));
        assertEquals(0.0, ChurnRiskModel.decay(NOW.plusSeconds(1), NOW));
    }

    @Test
    void signalsAfterNowAreIgnored() {
        ChurnRisk risk = ChurnRiskModel.assess(signals(List.of(nps(9, daysAgo(5)), nps(2, NOW.plusSeconds(3600))),
                List.of(sentiment(-1, NOW.plusSeconds(60))), 0), NOW);

        assertEquals(0, risk.score());
    }

    @Test
    void bandsAtTheirBoundaries() {
        assertEquals(RiskBand.LOW, ChurnRiskModel.bandOf(29));
        assertEquals(RiskBand.MEDIUM, ChurnRiskModel.bandOf(30));
        assertEquals(RiskBand.MEDIUM, ChurnRiskModel.bandOf(59));
        assertEquals(RiskBand.HIGH, ChurnRiskModel.bandOf(60));
        assertEquals(RiskBand.MEDIUM, ChurnRiskModel.assess(signals(List.of(nps(3, daysAgo(1))),
                List.of(sentiment(-0.8, daysAgo(1))), 0), NOW).band());
        assertEquals(RiskBand.HIGH, ChurnRiskModel.assess(signals(List.of(nps(3, daysAgo(1))),
                List.of(sentiment(-0.8, daysAgo(1))), 1), NOW).band());
    }

    @Test
    void theSameSignalsInAnyOrderGiveTheSameResult() {
        List<ChurnSignals.DatedScore> scores = new ArrayList<>(List.of(nps(9, daysAgo(50)), nps(4, daysAgo(12)),
                csat(2, daysAgo(12)), csat(4, daysAgo(40)), nps(6, daysAgo(12))));
        List<ChurnSignals.DatedSentiment> sentiments = new ArrayList<>(List.of(sentiment(-0.4, daysAgo(33)),
                sentiment(0.2, daysAgo(33))));
        ChurnRisk first = ChurnRiskModel.assess(signals(scores, sentiments, 1), NOW);

        Collections.reverse(scores);
        Collections.reverse(sentiments);
        ChurnRisk reversed = ChurnRiskModel.assess(signals(scores, sentiments, 1), NOW);

        assertEquals(first, reversed);
        assertEquals(first, ChurnRiskModel.assess(signals(scores, sentiments, 1), NOW));
        assertEquals(List.of("detractor on 2026-11-14 (NPS 4): +35", "negative sentiment on 2026-10-24 (-0.40): +19",
                "NPS fell from 6 to 4 on 2026-11-14: +15", "1 unresolved case: +10"), reasons(first));
        assertEquals(79, first.score());
    }
}
