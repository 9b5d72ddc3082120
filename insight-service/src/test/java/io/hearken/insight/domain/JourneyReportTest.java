package io.hearken.insight.domain;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JourneyReportTest {

    private static final Question NPS = new Question("*", "NPS", 0, 10);

    private static JourneyReport.Counts place(long promoters, long detractors) {
        JourneyReport.Counts counts = JourneyReport.Counts.empty();
        counts.addAnswers(NPS, "10", promoters);
        counts.addAnswers(NPS, "2", detractors);
        return counts;
    }

    @Test
    void theWeakestStageHasTheLowestScoreAmongThoseWithEnoughAnswers() {
        Map<String, Map<String, JourneyReport.Counts>> places = new LinkedHashMap<>();
        places.put("purchase", Map.of("checkout", place(30, 10), "store", place(20, 0)));
        places.put("delivery", Map.of("courier", place(15, 25)));
        // Worse still, but four answers are not enough to trust.
        places.put("returns", Map.of("portal", place(0, 4)));

        JourneyReport report = JourneyReport.of(places, 5);

        assertEquals("delivery", report.weakest().journeyStage());
        assertEquals("nps", report.weakest().score());
        assertEquals(-25.0, report.weakest().estimate().value(), 1e-9);
        JourneyReport.Stage purchase = report.stages().stream()
                .filter(stage -> stage.journeyStage().equals("purchase")).findFirst().orElseThrow();
        assertEquals(60, purchase.overall().responses());
        assertEquals(2, purchase.touchpoints().size());
        assertEquals(100 * (50.0 - 10.0) / 60, purchase.overall().scores().get(0).scores().get("nps").value(),
                1e-9);
    }

    @Test
    void noStageIsWeakestWhenNoneHasEnoughAnswers() {
        assertEquals(null, JourneyReport.of(Map.of("purchase", Map.of("checkout", place(3, 1))), 5).weakest());
    }
}
