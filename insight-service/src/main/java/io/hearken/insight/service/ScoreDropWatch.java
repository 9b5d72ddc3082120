package io.hearken.insight.service;

import io.hearken.insight.config.InsightConfig;
import io.hearken.insight.domain.Alert;
import io.hearken.insight.domain.AlertRule;
import io.hearken.insight.domain.AlertRuleType;
import io.hearken.insight.domain.DateRange;
import io.hearken.insight.domain.FollowUpCase;
import io.hearken.insight.domain.Question;
import io.hearken.insight.domain.Respondent;
import io.hearken.insight.domain.ScoreMeasure;
import io.hearken.insight.domain.ScorePeriodComparison;
import io.hearken.insight.domain.ScoreScale;
import io.hearken.insight.domain.Slice;
import io.hearken.insight.domain.SlaPolicy;
import io.hearken.insight.domain.Tally;
import io.hearken.insight.messaging.AlertAnnouncements;
import io.hearken.insight.repository.AlertRepository;
import io.hearken.insight.repository.AlertRuleRepository;
import io.hearken.insight.repository.RaisedAlert;
import io.hearken.insight.repository.RollupRepository;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges the SCORE_DROP rules every {@code hearken.insight.scores.drop-check-interval}: for each, the rule's score in
 * the last whole period (yesterday, last week, last month, in the tenant's time zone) against the period before,
 * from the rollups of the rule's survey (or of every survey, the journey's rows, when the rule names none). A
 * significant drop raises an alert and a case whose id is the period's, so checking again raises nothing new; the
 * alerts are announced after they are stored, and a check that dies in between announces them again next time.
 */
@ApplicationScoped
public class ScoreDropWatch {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final AlertRuleRepository rules;
    private final RollupRepository rollups;
    private final AlertRepository alerts;
    private final AlertAnnouncements announcements;
    private final TenantTimeZones timeZones;
    private final SlaPolicy sla;

    public ScoreDropWatch(AlertRuleRepository rules, RollupRepository rollups, AlertRepository alerts,
                          AlertAnnouncements announcements, TenantTimeZones timeZones, InsightConfig config) {
        this.rules = rules;
        this.rollups = rollups;
        this.alerts = alerts;
        this.announcements = announcements;
        this.timeZones = timeZones;
        this.sla = config.cases().sla();
    }

    @Scheduled(identity = "score-drop-watch", every = "${hearken.insight.scores.drop-check-interval:15m}",
            delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkNow() {
        try {
            check(Instant.now());
        } catch (RuntimeException e) {
            // PostgreSQL or the broker away: the next check judges the same periods again, nothing is missed.
            Log.warnf("score-drop check failed, tried again at the next interval: %s", e.getMessage());
        }
    }

    /** Judges every enabled score-drop rule at {@code now}; returns the alerts of the periods judged. Blocking. */
    public List<RaisedAlert> check(Instant now) {
        List<AlertRepository.NewAlert> raised = new ArrayList<>();
        for (AlertRule rule : rules.enabledRulesOfType(AlertRuleType.SCORE_DROP).await().atMost(WAIT)) {
            ScorePeriodComparison comparison = compare(rule, now);
            rule.evaluate(comparison).ifPresent(trigger -> {
                Alert alert = Alert.raise(trigger, now);
                // A score drop is about no one customer.
                raised.add(new AlertRepository.NewAlert(alert, rule.name(), FollowUpCase.open(alert, sla),
                        Respondent.NOBODY));
            });
        }
        if (raised.isEmpty()) {
            return List.of();
        }
        List<RaisedAlert> kept = alerts.raise(raised, now, (connection, opened) -> Uni.createFrom().voidItem())
                .await().atMost(WAIT);
        announcements.announceAll(kept);
        return kept;
    }

    private ScorePeriodComparison compare(AlertRule rule, Instant now) {
        ZoneId zone = timeZones.of(rule.tenant());
        ScoreMeasure measure = rule.parameters().score();
        DateRange current = rule.parameters().period().lastCompleted(LocalDate.ofInstant(now, zone));
        DateRange previous = rule.parameters().period().before(current);
        return new ScorePeriodComparison(rule.tenant(), rule.surveyId(), measure, rule.parameters().period(),
                current.from().atStartOfDay(zone).toInstant(), measure.estimate(tally(rule, previous)),
                measure.estimate(tally(rule, current)));
    }

    /** The answers on the rule's score's scale over {@code range}, of its survey or of every survey. */
    private Tally tally(AlertRule rule, DateRange range) {
        ScoreScale scale = rule.parameters().score().scale();
        long[] counts = new long[scale.max() - scale.min() + 1];
        if (rule.surveyId() != null) {
            rollups.counts(rule.tenant(), rule.surveyId(), null, Slice.EVERYTHING, range.buckets(),
                            RollupRepository.Grouping.TOTAL)
                    .await().atMost(WAIT)
                    .forEach(count -> add(counts, scale, count.question(), count.value(), count.answers()));
        } else {
            rollups.journeyCounts(rule.tenant(), range.buckets()).await().atMost(WAIT)
                    .forEach(count -> add(counts, scale, count.question(), count.value(), count.answers()));
        }
        return new Tally(scale.min(), counts);
    }

    private static void add(long[] counts, ScoreScale scale, Question question, String value, long answers) {
        if (question.type().equals(scale.name()) && question.scaleMin() == scale.min()
                && question.scaleMax() == scale.max()) {
            counts[Integer.parseInt(value) - scale.min()] += answers;
        }
    }
}
