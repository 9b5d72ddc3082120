package io.hearken.insight.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NpsScoreTest {

    @Test
    void groupsScoresAtTheBoundaries() {
        assertEquals(NpsScore.NpsGroup.DETRACTOR, NpsScore.groupOf(0));
        assertEquals(NpsScore.NpsGroup.DETRACTOR, NpsScore.groupOf(6));
        assertEquals(NpsScore.NpsGroup.PASSIVE, NpsScore.groupOf(7));
        assertEquals(NpsScore.NpsGroup.PASSIVE, NpsScore.groupOf(8));
        assertEquals(NpsScore.NpsGroup.PROMOTER, NpsScore.groupOf(9));
        assertEquals(NpsScore.NpsGroup.PROMOTER, NpsScore.groupOf(10));
        assertThrows(IllegalArgumentException.class, () -> NpsScore.groupOf(11));
    }

    @Test
    void computesNpsRoundedHalfUpToOneDecimal() {
        assertEquals(33.3, NpsScore.of("s", 2, 0, 1).nps());
        assertEquals(-66.7, NpsScore.of("s", 0, 1, 2).nps());
        assertEquals(100.0, NpsScore.of("s", 4, 0, 0).nps());
        assertEquals(12.5, NpsScore.of("s", 3, 3, 2).nps());
        assertEquals(6, NpsScore.of("s", 1, 3, 2).total());
    }

    @Test
    void emptySurveyScoresZero() {
        NpsScore empty = NpsScore.of("s", 0, 0, 0);
        assertEquals(0, empty.total());
        assertEquals(0.0, empty.nps());
    }
}
