package io.hearken.insight.service;

import io.hearken.insight.domain.DateRange;
import io.hearken.insight.domain.Granularity;
import io.hearken.insight.domain.OutcomeCounts;
import io.hearken.insight.repository.OutcomeRepository.OutcomeCount;
import io.hearken.insight.repository.OutcomeRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether the score predicts revenue: purchases, repeat purchases, renewals and cancellations by the NPS group of the
 * customer's last answer before each, over a range, by journey stage, and period by period.
 */
@ApplicationScoped
public class OutcomeService {

    /** The groups in the order a CX team reads them; {@code none}: no NPS answer before the outcome. */
    public static final List<String> GROUPS = List.of("detractor", "passive", "promoter", "none");

    private final OutcomeRepository outcomes;

    public OutcomeService(OutcomeRepository outcomes) {
        this.outcomes = outcomes;
    }

    /** The outcomes by group over the range, by stage and group, and per period of {@code granularity}. */
    public record OutcomeReport(String segment, DateRange range, Map<String, OutcomeCounts> byGroup,
                                Map<String, Map<String, OutcomeCounts>> byStage, Granularity granularity,
                                List<Period> periods) {
    }

    public record Period(DateRange period, Map<String, OutcomeCounts> byGroup) {
    }

    /** The report for the customers of {@code segment} ({@code *}: every customer). */
    public Uni<OutcomeReport> report(String tenant, String segment, DateRange range, Granularity granularity) {
        List<DateRange> periods = granularity.periods(range);
        List<DateRange.BucketSpan> spans = granularity.buckets(range);
        return Uni.combine().all()
                .unis(outcomes.counts(tenant, segment, range.buckets(), false),
                        outcomes.counts(tenant, segment, spans, true))
                .asTuple()
                .map(counts -> {
                    Map<String, OutcomeCounts> byGroup = emptyGroups();
                    Map<String, Map<String, OutcomeCounts>> byStage = new TreeMap<>();
                    for (OutcomeCount count : counts.getItem1()) {
                        byGroup.merge(count.npsGroup(), count.counts(), OutcomeCounts::plus);
                        byStage.computeIfAbsent(count.journeyStage(), stage -> emptyGroups())
                                .merge(count.npsGroup(), count.counts(), OutcomeCounts::plus);
                    }
                    List<Map<String, OutcomeCounts>> perPeriod = new ArrayList<>();
                    periods.forEach(period -> perPeriod.add(emptyGroups()));
                    for (OutcomeCount count : counts.getItem2()) {
                        perPeriod.get(Granularity.indexOfPeriodHolding(periods, count.bucket()))
                                .merge(count.npsGroup(), count.counts(), OutcomeCounts::plus);
                    }
                    List<Period> trend = new ArrayList<>();
                    for (int i = 0; i < periods.size(); i++) {
                        trend.add(new Period(periods.get(i), perPeriod.get(i)));
                    }
                    return new OutcomeReport(segment, range, byGroup, byStage, granularity, trend);
                });
    }

    private static Map<String, OutcomeCounts> emptyGroups() {
        Map<String, OutcomeCounts> groups = new LinkedHashMap<>();
        GROUPS.forEach(group -> groups.put(group, OutcomeCounts.NONE));
        return groups;
    }
}
