package io.hearken.insight.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's rule that raises an alert: its type and parameters, an optional survey filter (null = every survey, and
 * feedback that is no survey response), the priority its alerts and cases get, and whether it is on. This record is
 * the one home of what each rule type means: {@link #violations()} says whether a definition is sound, and the two
 * {@code evaluate} methods whether it fires.
 */
public record AlertRule(String id, String tenant, String name, AlertRuleType type, AlertRuleParameters parameters,
                        String surveyId, Priority priority, boolean enabled) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_KEYWORDS = 100;
    public static final int MAX_KEYWORD_LENGTH = 100;

    public AlertRule {
        parameters = parameters == null ? AlertRuleParameters.none() : parameters;
    }

    /**
     * What is wrong with this definition, field by field; empty when it can be saved. A rule with violations never
     * fires ({@link TenantAlertRules} leaves it out), so a bad threshold cannot flood a team with alerts.
     */
    public List<FieldViolation> violations() {
        List<FieldViolation> violations = new ArrayList<>();
        requireText(violations, "id", id);
        requireText(violations, "tenant", tenant);
        requireText(violations, "name", name);
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            violations.add(new FieldViolation("name", "is longer than " + MAX_NAME_LENGTH + " characters"));
        }
        if (surveyId != null && surveyId.isBlank()) {
            violations.add(new FieldViolation("surveyId", "is blank; leave it out to watch every survey"));
        }
        if (priority == null) {
            violations.add(new FieldViolation("priority", "is required: LOW, MEDIUM, HIGH or URGENT"));
        }
        if (type == null) {
            violations.add(new FieldViolation("type", "is required"));
            return violations;
        }
        switch (type) {
            case DETRACTOR -> {
                if (parameters.threshold() != null) {
                    violations.add(new FieldViolation("threshold", "a detractor rule has none: detractors answer 0–6"));
                }
            }
            case LOW_CSAT -> checkCsatThreshold(violations);
            case NEGATIVE_SENTIMENT -> checkSentimentThreshold(violations);
            case KEYWORD -> checkKeywords(violations);
            case SCORE_DROP -> {
                if (parameters.score() == null) {
                    violations.add(new FieldViolation("score", "is required for a score-drop rule"));
                }
                if (parameters.period() == null) {
                    violations.add(new FieldViolation("period",
                            "is required for a score-drop rule: DAY, WEEK or MONTH"));
                }
            }
        }
        return violations;
    }

    public boolean isValid() {
        return violations().isEmpty();
    }

    /** The CSAT or sentiment threshold in force: the parameter, or the type's default. */
    public double effectiveThreshold() {
        if (parameters.threshold() != null) {
            return parameters.threshold();
        }
        return type == AlertRuleType.LOW_CSAT ? AlertRuleParameters.DEFAULT_CSAT_THRESHOLD
                : AlertRuleParameters.DEFAULT_SENTIMENT_THRESHOLD;
    }

    /** Whether the survey filter lets this response or feedback item through. */
    public boolean covers(String responseSurveyId) {
        return surveyId == null || surveyId.equals(responseSurveyId);
    }

    /**
     * Whether this rule fires for the response, and why; at most one trigger however many answers or keywords match,
     * with the strongest evidence (the lowest CSAT, the first keyword in the rule's order). Score-drop rules, rules
     * of another tenant and responses outside the survey filter never fire here. The enabled flag and validity are
     * {@link TenantAlertRules}' business.
     */
    public Optional<AlertTrigger> evaluate(ResponseSignals response) {
        if (!type.isPerResponse() || !response.tenant().equals(tenant) || !covers(response.surveyId())) {
            return Optional.empty();
        }
        return switch (type) {
            case DETRACTOR -> detractor(response);
            case LOW_CSAT -> lowCsat(response);
            case NEGATIVE_SENTIMENT -> negativeSentiment(response);
            case KEYWORD -> keyword(response);
            case SCORE_DROP -> Optional.empty();
        };
    }

    /**
     * Whether this score-drop rule fires for the comparison: the same score and period, the same survey (a rule without
     * a survey filter watches the tenant's score over all surveys, a comparison without a survey), and a
     * change that is both a fall and significant ({@link Scores#significantChange}). A significant rise never fires.
     * Neither does a change where either period is a small sample ({@link ScoreEstimate#smallSample()}): the margins
     * are too rough there to act on, which is what the flag says.
     */
    public Optional<AlertTrigger> evaluate(ScorePeriodComparison comparison) {
        if (type != AlertRuleType.SCORE_DROP || !comparison.tenant().equals(tenant)
                || parameters.score() != comparison.score() || parameters.period() != comparison.period()
                || !Objects.equals(surveyId, comparison.surveyId())) {
            return Optional.empty();
        }
        ScoreEstimate before = comparison.previous();
        ScoreEstimate after = comparison.current();
        if (before.smallSample() || after.smallSample() || !(after.value() < before.value())
                || !Scores.significantChange(before, after)) {
            return Optional.empty();
        }
        String evidence = format("%s %s: %.1f ± %.1f (n=%d) → %.1f ± %.1f (n=%d)", comparison.score(),
                comparison.period(), before.value(), before.marginOfError(), before.count(), after.value(),
                after.marginOfError(), after.count());
        String reason = format("%s fell by %.1f from the %s before, more than the margins of error explain",
                comparison.score(), before.value() - after.value(),
                comparison.period().name().toLowerCase(Locale.ROOT));
        return Optional.of(new AlertTrigger(this, comparison.sourceId(), null, comparison.surveyId(), null, null,
                reason, evidence, null));
    }

    private Optional<AlertTrigger> detractor(ResponseSignals response) {
        Integer nps = response.npsScore();
        if (nps == null || NpsScore.groupOf(nps) != NpsScore.NpsGroup.DETRACTOR) {
            return Optional.empty();
        }
        return trigger(response, "NPS " + nps + " is a detractor score (0–6)", "nps=" + nps, ScaleScore.nps(nps));
    }

    private Optional<AlertTrigger> lowCsat(ResponseSignals response) {
        double threshold = effectiveThreshold();
        return response.csatScores().stream()
                .filter(csat -> csat <= threshold)
                .min(Integer::compare)
                .flatMap(csat -> trigger(response, format("CSAT %d is at or below %s", csat, plain(threshold)),
                        "csat=" + csat, ScaleScore.csat(csat)));
    }

    private Optional<AlertTrigger> negativeSentiment(ResponseSignals response) {
        Double sentiment = response.sentiment();
        double threshold = effectiveThreshold();
        if (sentiment == null || sentiment > threshold) {
            return Optional.empty();
        }
        return trigger(response, format("sentiment %s is at or below %s", plain(sentiment), plain(threshold)),
                "sentiment=" + plain(sentiment), null);
    }

    private Optional<AlertTrigger> keyword(ResponseSignals response) {
        return KeywordMatcher.of(parameters.keywords()).firstMatch(response.texts())
                .flatMap(keyword -> trigger(response, "the text mentions \"" + keyword + "\"", keyword, null));
    }

    private Optional<AlertTrigger> trigger(ResponseSignals response, String reason, String evidence,
                                           ScaleScore triggeringScore) {
        return Optional.of(new AlertTrigger(this, response.sourceEventId(), response.responseId(),
                response.surveyId(), response.profileId(), response.customerId(), reason, evidence, triggeringScore));
    }

    private void checkCsatThreshold(List<FieldViolation> violations) {
        Double threshold = parameters.threshold();
        if (threshold == null) {
            return;
        }
        if (!ScoreScale.CSAT.contains(threshold) || threshold != Math.rint(threshold)) {
            violations.add(new FieldViolation("threshold", "a CSAT threshold is a whole answer from 1 to 5, was "
                    + plain(threshold)));
        }
    }

    private void checkSentimentThreshold(List<FieldViolation> violations) {
        Double threshold = parameters.threshold();
        if (threshold != null && !(threshold >= -1 && threshold <= 1)) {
            violations.add(new FieldViolation("threshold", "a sentiment threshold is from −1 to 1, was "
                    + plain(threshold)));
        }
    }

    private void checkKeywords(List<FieldViolation> violations) {
        List<String> keywords = parameters.keywords();
        if (keywords.isEmpty()) {
            violations.add(new FieldViolation("keywords", "a keyword rule needs at least one keyword"));
            return;
        }
        if (keywords.size() > MAX_KEYWORDS) {
            violations.add(new FieldViolation("keywords", "at most " + MAX_KEYWORDS + " keywords, were "
                    + keywords.size()));
        }
        for (int i = 0; i < keywords.size(); i++) {
            String keyword = keywords.get(i);
            if (keyword == null || KeywordMatcher.of(List.of(keyword)).isEmpty()) {
                violations.add(new FieldViolation("keywords", "keyword " + (i + 1) + " is empty"));
            } else if (keyword.length() > MAX_KEYWORD_LENGTH) {
                violations.add(new FieldViolation("keywords", "keyword " + (i + 1) + " is longer than "
                        + MAX_KEYWORD_LENGTH + " characters"));
            }
        }
    }

    private static void requireText(List<FieldViolation> violations, String field, String value) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "is required"));
        }
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    /** 2 rather than 2.0, −0.3 as it is. */
    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
