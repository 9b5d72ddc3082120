package io.hearken.insight.service;

import io.hearken.insight.domain.DateRange;
import io.hearken.insight.domain.Dimension;
import io.hearken.insight.domain.Grain;
import io.hearken.insight.domain.Granularity;
import io.hearken.insight.domain.NpsScore;
import io.hearken.insight.domain.Question;
import io.hearken.insight.domain.QuestionScores;
import io.hearken.insight.domain.ScoreBreakdown;
import io.hearken.insight.domain.Slice;
import io.hearken.insight.domain.SurveyScores;
import io.hearken.insight.domain.Trend;
import io.hearken.insight.repository.RollupRepository.BucketCount;
import io.hearken.insight.repository.RollupRepository.Grouping;
import io.hearken.insight.repository.RollupRepository.SlicedCount;
import io.hearken.insight.repository.RollupRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads the scores CX teams look at from the rollups: a survey's scores over a range with the change since the
 * previous period, a question's trend, and the all-time NPS. Every read is of the tenant's own survey; a survey the
 * tenant does not have is empty, which the API answers 404.
 */
@ApplicationScoped
public class ScoreService {

    /** Month buckets from the first to the last that can exist: every answer ever counted. */
    private static final List<DateRange.BucketSpan> ALL_TIME = List.of(
            new DateRange.BucketSpan(Grain.MONTH, LocalDate.of(1970, 1, 1), LocalDate.of(9999, 12, 1)));
    /** Questions in the order answers list them: by id, then by how they were counted. */
    private static final Comparator<Question> QUESTION_ORDER = Comparator.comparing(Question::questionId)
            .thenComparing(Question::type).thenComparingInt(Question::scaleMin).thenComparingInt(Question::scaleMax);

    /** What a breakdown by profile-service's segments is called, as the slice of one segment is. */
    private static final String SEGMENT = "segment";

    private final RollupRepository rollups;
    private final TenantTimeZones timeZones;

    public ScoreService(RollupRepository rollups, TenantTimeZones timeZones) {
        this.rollups = rollups;
        this.timeZones = timeZones;
    }

    /** The tenant's time zone: the days of every range asked. */
    public ZoneId timeZoneOf(String tenant) {
        return timeZones.of(tenant);
    }

    /** Every question's scores (or one question's) over {@code range}, compared with the period before. */
    public Uni<Optional<SurveyScores>> scores(String tenant, String surveyId, String questionId, Slice slice,
                                              DateRange range) {
        DateRange previous = range.previous();
        return ifSurveyExists(tenant, surveyId, revision -> Uni.combine().all()
                .unis(rollups.counts(tenant, surveyId, questionId, slice, range.buckets(), Grouping.TOTAL, revision),
                        rollups.counts(tenant, surveyId, questionId, slice, previous.buckets(), Grouping.TOTAL,
                                revision))
                .asTuple()
                .map(counts -> {
                    Map<Question, QuestionScores> now = scoresByQuestion(counts.getItem1());
                    Map<Question, QuestionScores> before = scoresByQuestion(counts.getItem2());
                    List<SurveyScores.QuestionResult> results = now.values().stream()
                            .map(current -> SurveyScores.QuestionResult.compare(current,
                                    before.get(current.question())))
                            .toList();
                    return new SurveyScores(surveyId, slice, timeZones.of(tenant), range, previous, results);
                }));
    }

    /** One question's scores per period of {@code granularity} over {@code range}. */
    public Uni<Optional<Trend>> trend(String tenant, String surveyId, String questionId, Slice slice,
                                      DateRange range, Granularity granularity) {
        List<DateRange> periods = granularity.periods(range);
        List<DateRange.BucketSpan> spans = granularity.buckets(range);
        return ifSurveyExists(tenant, surveyId, revision -> rollups
                .counts(tenant, surveyId, questionId, slice, spans,
                        // Weeks are summed in the database: a year's trend reads 53 rows a value, not 365.
                        granularity == Granularity.WEEK ? Grouping.WEEK : Grouping.BUCKET, revision)
                .map(counts -> new Trend(surveyId, questionId, slice, timeZones.of(tenant), granularity, range,
                        series(counts, periods))));
    }

    /**
     * Every question's scores (or one question's) over {@code range} per value of {@code by}, or per segment when
     * {@code by} is empty; values are listed in order, each with the questions answered there.
     */
    public Uni<Optional<ScoreBreakdown>> breakdown(String tenant, String surveyId, Optional<Dimension> by,
                                                   String questionId, DateRange range) {
        return ifSurveyExists(tenant, surveyId, revision -> rollups.countsBy(tenant, surveyId, questionId, by,
                range.buckets()).map(counts -> {
                    Map<String, List<BucketCount>> byValue = new TreeMap<>();
                    for (SlicedCount count : counts) {
                        byValue.computeIfAbsent(count.slice(), value -> new ArrayList<>())
                                .add(new BucketCount(null, count.question(), count.value(), count.answers()));
                    }
                    List<ScoreBreakdown.Group> groups = new ArrayList<>();
                    byValue.forEach((value, answers) -> groups.add(new ScoreBreakdown.Group(value,
                            List.copyOf(scoresByQuestion(answers).values()))));
                    return new ScoreBreakdown(surveyId, by.map(Dimension::parameterName).orElse(SEGMENT),
                            timeZones.of(tenant), range, groups);
                }));
    }

    /** The survey's NPS over all its answers (the first endpoint, kept for its callers). */
    public Uni<Optional<NpsScore>> nps(String tenant, String surveyId) {
        return ifSurveyExists(tenant, surveyId, revision -> rollups.counts(tenant, surveyId, null,
                Slice.EVERYTHING, ALL_TIME, Grouping.TOTAL, revision).map(counts -> {
                    long[] groups = new long[3];
                    for (BucketCount count : counts) {
                        if ("NPS".equals(count.question().type()) && count.question().scaleMin() == 0
                                && count.question().scaleMax() == 10) {
                            groups[NpsScore.groupOf(Integer.parseInt(count.value())).ordinal()] += count.answers();
                        }
                    }
                    return NpsScore.of(surveyId, groups[0], groups[1], groups[2]);
                }));
    }

    /**
     * {@code read} given the survey's settled revision (read first, so that it guards the counts read after it), or
     * empty when the tenant has no such survey.
     */
    private <T> Uni<Optional<T>> ifSurveyExists(String tenant, String surveyId, Function<Long, Uni<T>> read) {
        return rollups.settledRevision(tenant, surveyId).chain(revision -> revision.isPresent()
                ? read.apply(revision.get()).map(Optional::of)
                : Uni.createFrom().item(Optional.empty()));
    }

    private static Map<Question, QuestionScores> scoresByQuestion(List<BucketCount> counts) {
        Map<Question, Map<String, Long>> answers = new TreeMap<>(QUESTION_ORDER);
        for (BucketCount count : counts) {
            answers.computeIfAbsent(count.question(), question -> new LinkedHashMap<>())
                    .merge(count.value(), count.answers(), Long::sum);
        }
        Map<Question, QuestionScores> scores = new LinkedHashMap<>();
        answers.forEach((question, byValue) -> scores.put(question, QuestionScores.of(question, byValue)));
        return scores;
    }

    private static List<Trend.Series> series(List<BucketCount> counts, List<DateRange> periods) {
        Map<Question, List<Map<String, Long>>> byQuestion = new TreeMap<>(QUESTION_ORDER);
        for (BucketCount count : counts) {
            List<Map<String, Long>> perPeriod = byQuestion.computeIfAbsent(count.question(), question -> {
                List<Map<String, Long>> empty = new ArrayList<>();
                periods.forEach(period -> empty.add(new LinkedHashMap<>()));
                return empty;
            });
            perPeriod.get(Granularity.indexOfPeriodHolding(periods, count.bucket())).merge(count.value(), count.answers(), Long::sum);
        }
        List<Trend.Series> series = new ArrayList<>();
        byQuestion.forEach((question, perPeriod) -> {
            List<Trend.Point> points = new ArrayList<>();
            for (int i = 0; i < periods.size(); i++) {
                points.add(new Trend.Point(periods.get(i), QuestionScores.of(question, perPeriod.get(i))));
            }
            series.add(new Trend.Series(question, points));
        });
        return series;
    }
}
