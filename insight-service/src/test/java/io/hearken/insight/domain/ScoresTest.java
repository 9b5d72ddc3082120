package io.hearken.insight.domain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scores and margins checked against values computed here straight from the raw answers. */
class ScoresTest {

    private static Tally tally(int min, int max, int... answers) {
        Tally tally = Tally.empty(min, max);
        for (int answer : answers) {
            tally = tally.plus(answer);
        }
        return tally;
    }

    private static int[] repeat(int score, int times) {
        return IntStream.range(0, times).map(i -> score).toArray();
    }

    private static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }

    @Test
    void npsAndItsMarginFollowTheMinusOneZeroPlusOneCoding() {
        int[] answers = concat(repeat(10, 7), repeat(9, 5), repeat(8, 4), repeat(7, 4), repeat(6, 3), repeat(3, 4),
                repeat(0, 3));
        // Independently: code each answer, take the mean and the (population) variance of the coding.
        double[] coded = Arrays.stream(answers).mapToDouble(a -> a >= 9 ? 1 : a >= 7 ? 0 : -1).toArray();
        double mean = Arrays.stream(coded).average().orElseThrow();
        double variance = Arrays.stream(coded).map(x -> (x - mean) * (x - mean)).sum() / coded.length;
        double margin = 1.959964 * Math.sqrt(variance / coded.length) * 100;

        ScoreEstimate nps = Scores.nps(tally(0, 10, answers));

        assertEquals(30, nps.count());
        assertEquals(100 * mean, nps.value(), 1e-9);
        assertEquals(6.667, nps.value(), 0.001);
        assertEquals(margin, nps.marginOfError(), 1e-9);
        assertEquals(30.55, nps.marginOfError(), 0.01);
        assertFalse(nps.smallSample());
        assertTrue(Scores.nps(tally(0, 10, 10, 9, 3)).smallSample());
    }

    @Test
    void csatTopTwoBoxAndMeanWithTheirMargins() {
        int[] answers = {5, 5, 4, 3, 2, 1, 4, 5};
        double share = 5.0 / 8;
        double mean = 29.0 / 8;
        double sampleVariance = Arrays.stream(answers).mapToDouble(a -> (a - mean) * (a - mean)).sum() / 7;

        ScoreEstimate top = Scores.csatTopTwoBox(tally(1, 5, answers));
        ScoreEstimate average = Scores.csatMean(tally(1, 5, answers));

        assertEquals(62.5, top.value(), 1e-9);
        assertEquals(1.959964 * Math.sqrt(share * (1 - share) / 8) * 100, top.marginOfError(), 1e-9);
        assertEquals(3.625, average.value(), 1e-9);
        assertEquals(1.959964 * Math.sqrt(sampleVariance / 8), average.marginOfError(), 1e-9);
        assertEquals(1.0436, average.marginOfError(), 0.0001);
    }

    @Test
    void cesMeanAndShareThatAgree() {
        int[] answers = {7, 6, 5, 5, 4, 2, 1};
        assertEquals(30.0 / 7, Scores.cesMean(tally(1, 7, answers)).value(), 1e-9);
        assertEquals(400.0 / 7, Scores.cesAgree(tally(1, 7, answers)).value(), 1e-9);
    }

    @Test
    void talliesAddUpSoRollupsCanBeSummed() {
        Tally monday = tally(0, 10, 10, 9, 2);
        Tally tuesday = tally(0, 10, 7, 0, 10);
        assertEquals(tally(0, 10, 10, 9, 2, 7, 0, 10), monday.plus(tuesday));
        assertEquals(Scores.nps(tally(0, 10, 10, 9, 2, 7, 0, 10)), Scores.nps(monday.plus(tuesday)));
    }

    @Test
    void aChangeIsSignificantOnlyBeyondWhatTheMarginsAllow() {
        ScoreEstimate before = Scores.nps(tally(0, 10, concat(repeat(10, 40), repeat(8, 30), repeat(3, 30))));
        ScoreEstimate slightlyBetter = Scores.nps(tally(0, 10, concat(repeat(10, 44), repeat(8, 28), repeat(3, 28))));
        ScoreEstimate muchWorse = Scores.nps(tally(0, 10, concat(repeat(10, 15), repeat(8, 25), repeat(3, 60))));
        assertFalse(Scores.significantChange(before, slightlyBetter), "10 → 16 on 100 answers is noise");
        assertTrue(Scores.significantChange(before, muchWorse), "10 → −45 is not");
    }

    @Test
    void emptyAndMismatchedInputs() {
        assertTrue(Double.isNaN(Scores.nps(Tally.empty(0, 10)).value()));
        assertThrows(IllegalArgumentException.class, () -> Scores.nps(Tally.empty(1, 5)));
        assertThrows(IllegalArgumentException.class, () -> Tally.empty(0, 10).plus(11));
        assertThrows(IllegalArgumentException.class, () -> Tally.empty(0, 10).plus(Tally.empty(1, 5)));
    }
}
