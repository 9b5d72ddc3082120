package io.hearken.insight.rest;

import io.hearken.insight.domain.DateRange;
import io.hearken.insight.domain.Question;
import io.hearken.insight.domain.QuestionScores;
import io.hearken.insight.domain.ScoreBreakdown;
import io.hearken.insight.domain.ScoreChange;
import io.hearken.insight.domain.ScoreEstimate;
import io.hearken.insight.domain.Slice;
import io.hearken.insight.domain.SurveyScores;
import io.hearken.insight.domain.Trend;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the score endpoints answer, and the one mapping from the domain's results to it. */
final class ScoreViews {

    private ScoreViews() {
    }

    @Schema(description = "A survey's scores over a range, each compared with the previous period of the same length")
    record SurveyScoresView(String surveyId, Map<String, String> slice, String timeZone, PeriodView period,
                            PeriodView previousPeriod, List<QuestionView> questions) {
    }

    @Schema(description = "Days of a period, both included, in the tenant's time zone")
    record PeriodView(LocalDate from, LocalDate to) {
    }

    @Schema(description = "One question's scores; scaleMin and scaleMax are 0 for choice questions")
    record QuestionView(String questionId, String type, int scaleMin, int scaleMax, long count,
                        List<ScoreView> scores, Map<String, Long> distribution) {
    }

    @Schema(description = "A score with its 95 % margin of error; value and margin are null without answers. "
            + "smallSample: fewer than 30 answers. change: value minus the previous period's; significantChange: "
            + "a two-sided two-sample z-test at 95 %")
    record ScoreView(String name, Double value, Double marginOfError, long count, boolean smallSample,
                     EstimateView previous, Double change, Boolean significantChange) {
    }

    @Schema(description = "A score of the previous period")
    record EstimateView(Double value, Double marginOfError, long count, boolean smallSample) {
    }

    @Schema(description = "A question's scores period by period, one series per way the question was counted")
    record TrendView(String surveyId, String questionId, Map<String, String> slice, String timeZone,
                     String granularity, PeriodView period, List<SeriesView> series) {
    }

    record SeriesView(String type, int scaleMin, int scaleMax, List<PointView> points) {
    }

    record PointView(LocalDate from, LocalDate to, long count, List<ScoreView> scores,
                     Map<String, Long> distribution) {
    }

    @Schema(description = "A survey's scores split by the values of one dimension (or by segment): one group per value "
            + "that has answers; value \"\" holds answers that carried none")
    record BreakdownView(String surveyId, String by, String timeZone, PeriodView period, List<GroupView> groups) {
    }

    record GroupView(String value, List<QuestionView> questions) {
    }

    static SurveyScoresView of(SurveyScores scores) {
        List<QuestionView> questions = scores.questions().stream()
                .map(result -> question(result.current(), result.changes().stream().map(ScoreViews::score).toList()))
                .toList();
        return new SurveyScoresView(scores.surveyId(), slice(scores.slice()), scores.timeZone().getId(),
                period(scores.range()), period(scores.previousRange()), questions);
    }

    static BreakdownView of(ScoreBreakdown breakdown) {
        List<GroupView> groups = breakdown.groups().stream()
                .map(group -> new GroupView(group.value(), group.questions().stream()
                        .map(scores -> question(scores, estimates(scores))).toList()))
                .toList();
        return new BreakdownView(breakdown.surveyId(), breakdown.by(), breakdown.timeZone().getId(),
                period(breakdown.range()), groups);
    }

    static TrendView of(Trend trend) {
        List<SeriesView> series = trend.series().stream().map(ScoreViews::series).toList();
        return new TrendView(trend.surveyId(), trend.questionId(), slice(trend.slice()), trend.timeZone().getId(),
                trend.granularity().parameterName(), period(trend.range()), series);
    }

    private static SeriesView series(Trend.Series series) {
        Question question = series.question();
        List<PointView> points = series.points().stream()
                .map(point -> new PointView(point.period().from(), point.period().to(), point.scores().count(),
                        estimates(point.scores()), point.scores().distribution()))
                .toList();
        return new SeriesView(question.type(), question.scaleMin(), question.scaleMax(), points);
    }

    private static QuestionView question(QuestionScores scores, List<ScoreView> views) {
        Question question = scores.question();
        return new QuestionView(question.questionId(), question.type(), question.scaleMin(), question.scaleMax(),
                scores.count(), views, scores.distribution());
    }

    static List<ScoreView> estimates(QuestionScores scores) {
        return scores.scores().entrySet().stream()
                .map(score -> new ScoreView(score.getKey(), number(score.getValue().value()),
                        number(score.getValue().marginOfError()), score.getValue().count(),
                        score.getValue().smallSample(), null, null, null))
                .toList();
    }

    private static ScoreView score(ScoreChange change) {
        ScoreEstimate current = change.current();
        ScoreEstimate previous = change.previous();
        EstimateView before = previous == null ? null : new EstimateView(number(previous.value()),
                number(previous.marginOfError()), previous.count(), previous.smallSample());
        return new ScoreView(change.name(), number(current.value()), number(current.marginOfError()),
                current.count(), current.smallSample(), before, number(change.change()), change.significant());
    }

    private static PeriodView period(DateRange range) {
        return new PeriodView(range.from(), range.to());
    }

    private static Map<String, String> slice(Slice slice) {
        Map<String, String> values = new LinkedHashMap<>();
        slice.values().forEach((dimension, value) -> values.put(dimension.parameterName(), value));
        if (slice.isSegment()) {
            values.put(ScoreParameters.SEGMENT, slice.segment());
        }
        return values;
    }

    /** JSON has no NaN: a score without answers has no value. Rounded to what a person reads (4 decimals). */
    static Double number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        return Math.round(value * 10_000) / 10_000.0;
    }
}
