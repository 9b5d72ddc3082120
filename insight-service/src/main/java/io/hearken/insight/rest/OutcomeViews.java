package io.hearken.insight.rest;

import io.hearken.insight.domain.OutcomeCounts;
import io.hearken.insight.domain.ScoreEstimate;
import io.hearken.insight.domain.Slice;
import io.hearken.insight.service.OutcomeService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

import static io.hearken.insight.rest.ScoreViews.number;

/** What the outcomes endpoint answers, and the one mapping from the report to it. */
final class OutcomeViews {

    private OutcomeViews() {
    }

    @Schema(description = "Business outcomes by NPS group: over the range, per journey stage and per period")
    record OutcomesView(String segment, ScoreViews.PeriodView period, List<GroupView> groups, List<StageView> stages,
                        String granularity, List<TrendPointView> trend) {
    }

    @Schema(description = "One NPS group's outcomes and rates (%, with 95 % margins; null without a denominator)")
    record GroupView(String npsGroup, long purchases, long repeatPurchases, long renewals, long cancellations,
                     RateView repeatPurchaseRate, RateView retentionRate, RateView churnRate) {
    }

    record RateView(Double value, Double marginOfError, long count) {
    }

    record StageView(String journeyStage, List<GroupView> groups) {
    }

    record TrendPointView(ScoreViews.PeriodView period, List<GroupView> groups) {
    }

    static OutcomesView of(OutcomeService.OutcomeReport report) {
        return new OutcomesView(Slice.ALL.equals(report.segment()) ? null : report.segment(),
                new ScoreViews.PeriodView(report.range().from(), report.range().to()),
                groups(report.byGroup()),
                report.byStage().entrySet().stream()
                        .map(stage -> new StageView(stage.getKey(), groups(stage.getValue()))).toList(),
                report.granularity().parameterName(),
                report.periods().stream().map(period -> new TrendPointView(new ScoreViews.PeriodView(
                        period.period().from(), period.period().to()), groups(period.byGroup()))).toList());
    }

    private static List<GroupView> groups(Map<String, OutcomeCounts> byGroup) {
        return byGroup.entrySet().stream().map(group -> {
            OutcomeCounts counts = group.getValue();
            return new GroupView(group.getKey(), counts.purchases(), counts.repeatPurchases(), counts.renewals(),
                    counts.cancellations(), rate(counts.repeatPurchaseRate()), rate(counts.retentionRate()),
                    rate(counts.churnRate()));
        }).toList();
    }

    private static RateView rate(ScoreEstimate estimate) {
        return new RateView(number(estimate.value()), number(estimate.marginOfError()), estimate.count());
    }
}
