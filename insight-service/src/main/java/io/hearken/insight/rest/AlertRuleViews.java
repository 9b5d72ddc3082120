package io.hearken.insight.rest;

import io.hearken.common.problem.Problem;
import io.hearken.common.problem.ProblemException;
import io.hearken.insight.domain.AlertRule;
import io.hearken.insight.domain.AlertRuleParameters;
import io.hearken.insight.domain.AlertRuleType;
import io.hearken.insight.domain.FieldViolation;
import io.hearken.insight.domain.Priority;
import io.hearken.insight.domain.ScoreMeasure;
import io.hearken.insight.domain.ScorePeriod;
import io.hearken.insight.repository.StoredAlertRule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The alert-rule API's request and response bodies, and the mapping to and from the domain's {@link AlertRule}. The
 * parameters are flat in the body and named as the domain's violations name them ({@code threshold},
 * {@code keywords}, {@code score}, {@code period}), so a 400 points at the field the caller wrote.
 */
public final class AlertRuleViews {

    private AlertRuleViews() {
    }

    /**
     * A rule as created or replaced.
     *
     * @param type      DETRACTOR, LOW_CSAT, NEGATIVE_SENTIMENT, KEYWORD or SCORE_DROP
     * @param priority  LOW, MEDIUM, HIGH or URGENT: the priority of the alerts and cases it raises
     * @param enabled   absent means true
     * @param threshold LOW_CSAT: a whole CSAT answer 1–5 (default 2); NEGATIVE_SENTIMENT: −1..1 (default −0.3)
     * @param keywords  KEYWORD: 1–100 words or phrases in any language
     * @param score     SCORE_DROP: NPS, CSAT_TOP_TWO_BOX, CSAT_MEAN, CES_MEAN or CES_AGREE
     * @param period    SCORE_DROP: DAY, WEEK or MONTH
     */
    public record AlertRuleRequest(String name, String type, String priority, String surveyId, Boolean enabled,
                                   Double threshold, List<String> keywords, String score, String period) {
    }

    /** A stored rule. */
    public record AlertRuleView(String id, String name, AlertRuleType type, Priority priority, String surveyId,
                                boolean enabled, Double threshold, List<String> keywords, ScoreMeasure score,
                                ScorePeriod period, Instant createdAt, Instant updatedAt) {
    }

    /** The list of a tenant's rules. */
    public record AlertRuleList(List<AlertRuleView> items) {
    }

    /**
     * The domain rule the request defines, or a 400 problem listing every field at fault: unknown names of a type,
     * priority, score or period, and whatever {@link AlertRule#violations()} finds.
     */
    static AlertRule toRule(String id, String tenant, AlertRuleRequest request) {
        if (request == null) {
            throw ProblemException.invalidField("body", "is required: the rule's definition");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        AlertRuleType type = parse(AlertRuleType.class, "type", request.type(), errors);
        Priority priority = parse(Priority.class, "priority", request.priority(), errors);
        ScoreMeasure score = parse(ScoreMeasure.class, "score", request.score(), errors);
        ScorePeriod period = parse(ScorePeriod.class, "period", request.period(), errors);
        AlertRuleParameters parameters = new AlertRuleParameters(request.threshold(), request.keywords(), score,
                period);
        AlertRule rule = new AlertRule(id, tenant, request.name(), type, parameters, request.surveyId(), priority,
                request.enabled() == null || request.enabled());
        // An unknown name is reported once, not again as "is required" by the domain, which saw null.
        Set<String> unreadable = errors.stream().map(Problem.FieldError::field).collect(Collectors.toSet());
        for (FieldViolation violation : rule.violations()) {
            if (!unreadable.contains(violation.field())) {
                errors.add(new Problem.FieldError(violation.field(), violation.reason()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return rule;
    }

    static AlertRuleView of(StoredAlertRule stored) {
        AlertRule rule = stored.rule();
        AlertRuleParameters parameters = rule.parameters();
        return new AlertRuleView(rule.id(), rule.name(), rule.type(), rule.priority(), rule.surveyId(),
                rule.enabled(), parameters.threshold(), parameters.keywords().isEmpty() ? null : parameters.keywords(),
                parameters.score(), parameters.period(), stored.createdAt(), stored.updatedAt());
    }

    /** The constant named (case-insensitively), null when absent; an unknown name is an error naming the field. */
    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value,
                                               List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, "unknown: '" + value + "'; one of "
                    + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
