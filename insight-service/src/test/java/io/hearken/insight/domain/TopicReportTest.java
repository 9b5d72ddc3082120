package io.hearken.insight.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicReportTest {

    private static TextCounts counts(long texts, long detractors, long promoters, long sentimentMilli) {
        return new TextCounts(texts, sentimentMilli, 0, texts, 0, detractors, texts - detractors - promoters,
                promoters);
    }

    @Test
    void topicsAreRankedByVolumeWithTheirShareAndSentiment() {
        TopicReport report = TopicReport.of(Map.of("", counts(200, 80, 80, -20_000),
                "delivery", counts(60, 40, 10, -24_000), "staff", counts(30, 5, 20, 12_000),
                "price", counts(10, 5, 5, 0)), 2);

        assertEquals(List.of("delivery", "staff"), report.topics().stream().map(TopicReport.TopicLine::topic).toList());
        assertEquals(30.0, report.topics().get(0).share(), 1e-9);
        assertEquals(-0.4, report.topics().get(0).averageSentiment(), 1e-9);
    }

    @Test
    void aDriverIsOverRepresentedAmongDetractorsBeyondChance() {
        TopicReport report = TopicReport.of(Map.of("", counts(200, 80, 80, 0),
                "delivery", counts(60, 40, 10, 0), "staff", counts(30, 5, 20, 0),
                "price", counts(12, 6, 4, 0)), 10);

        // delivery: 40/80 of detractors' texts against 10/80 of promoters'; pooled p = 50/160
        double pooled = 50.0 / 160;
        double z = (0.5 - 0.125) / Math.sqrt(pooled * (1 - pooled) * (2.0 / 80));
        assertEquals(List.of("delivery"), report.drivers().stream().map(TopicReport.Driver::topic).toList());
        assertEquals(z, report.drivers().get(0).z(), 1e-9);
        assertTrue(report.drivers().get(0).significant());
    }

    @Test
    void noDriverWithoutBothDetractorsAndPromoters() {
        assertTrue(TopicReport.of(Map.of("", counts(10, 10, 0, 0), "delivery", counts(10, 10, 0, 0)), 10)
                .drivers().isEmpty());
    }
}
