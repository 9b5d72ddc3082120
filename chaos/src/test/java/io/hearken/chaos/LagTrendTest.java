package io.hearken.chaos;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LagTrendTest {

    private static List<LagTrend.Sample> every5s(long... lags) {
        List<LagTrend.Sample> samples = new ArrayList<>();
        for (int i = 0; i < lags.length; i++) {
            samples.add(new LagTrend.Sample(5.0 * i, lags[i]));
        }
        return samples;
    }

    @Test
    void aConsumerKeepingUpSwingsAroundALevelAndIsBounded() {
        LagTrend trend = LagTrend.of(every5s(300, 1200, 150, 900, 400, 1100, 200, 800, 350), 2000);
        assertFalse(trend.growing());
        assertEquals(300, trend.start());
        assertEquals(400, trend.middle(), "the sample nearest the middle of the run");
        assertEquals(350, trend.end());
        assertEquals(1200, trend.max());
    }

    @Test
    void aConsumerFallingBehindByATenthOfTheRateIsGrowing() {
        long[] lags = new long[13];
        for (int i = 0; i < lags.length; i++) {
            lags[i] = 1000 + 200L * 5 * i; // 2000/s offered, 1800/s consumed: 200 more each second
        }
        LagTrend trend = LagTrend.of(every5s(lags), 2000);
        assertEquals(200.0, trend.slopePerSecond(), 1e-9);
        assertTrue(trend.growing());
        assertEquals("GROWING", trend.verdict());
    }

    @Test
    void aDrainingBacklogIsBoundedAndSoIsGrowthBelowOnePercentOfTheRate() {
        assertFalse(LagTrend.of(every5s(90_000, 60_000, 30_000, 500, 300), 2000).growing());
        // 10 records a second more at 2000/s: 0.5 %, within the swings of a poll batch over 5 minutes
        assertFalse(LagTrend.of(every5s(500, 550, 600, 650, 700), 2000).growing());
    }

    @Test
    void theSlopeIsTheLeastSquaresFit() {
        assertEquals(2.0, LagTrend.slope(List.of(new LagTrend.Sample(0, 1), new LagTrend.Sample(1, 3),
                new LagTrend.Sample(2, 5))), 1e-9);
        assertEquals(0.0, LagTrend.slope(List.of(new LagTrend.Sample(3, 7))), 0.0, "one sample has no slope");
        assertEquals(0.0, LagTrend.of(List.of(), 100).slopePerSecond(), 0.0);
    }

    @Test
    void aGroupsLagSumsItsPartitionsAndAPartitionNeverCommittedCountsFromItsStart() {
        TopicPartition p0 = new TopicPartition("hearken.responses", 0);
        TopicPartition p1 = new TopicPartition("hearken.responses", 1);
        TopicPartition p2 = new TopicPartition("hearken.responses", 2);
        Map<TopicPartition, Long> ends = Map.of(p0, 100L, p1, 50L, p2, 7L);
        assertEquals(20 + 0 + 7, ConsumerLag.lag(ends, Map.of(p0, 80L, p1, 50L)));
        assertEquals(0, ConsumerLag.lag(ends, Map.of(p0, 100L, p1, 60L, p2, 7L)), "never negative");
    }
}
