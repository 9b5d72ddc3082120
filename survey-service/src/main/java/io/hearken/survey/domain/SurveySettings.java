package io.hearken.survey.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a survey version takes responses, beyond its questions.
 *
 * @param allowedOrigins    the web origins (scheme, host, port: {@code https://shop.example.com}) whose pages may
 *                          embed the survey (the widget) and call its public endpoints from the browser
 * @param onePerRespondent  one response per customer: a second with other answers from the same customer id (or, with
 *                          none, the same email or phone) is refused; an invitation is always answered once
 * @param quotas            limits on how many responses matching a condition are taken
 */
public record SurveySettings(List<String> allowedOrigins, Boolean onePerRespondent, List<Quota> quotas) {

    static final int MAX_ORIGINS = 20;
    static final int MAX_QUOTAS = 20;
    static final Pattern QUOTA_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /**
     * At most {@code limit} responses matching {@code when} (every response when absent). Once full, a matching
     * response is refused ({@code STOP}: the respondent is told the survey is full) or screened out
     * ({@code REDIRECT}: not kept, and the respondent reads the ending {@code endingId}).
     */
    public record Quota(String id, Condition when, Integer limit, QuotaAction action, String endingId) {
    }

    /** What a full quota does to a response that would exceed it. */
    public enum QuotaAction {
        STOP, REDIRECT
    }

    public boolean allowsOrigin(String origin) {
        return allowedOrigins != null && origin != null && allowedOrigins.contains(origin);
    }

    public boolean isOnePerRespondent() {
        return Boolean.TRUE.equals(onePerRespondent);
    }

    public List<Quota> quotaList() {
        return quotas == null ? List.of() : quotas;
    }

    /** The quotas a response with these answers counts towards. */
    public List<Quota> quotasFor(List<Answer> answers) {
        Map<String, Answer> byQuestion = SurveyContent.byQuestion(answers);
        return quotaList().stream().filter(quota -> quota.when() == null || quota.when().holds(byQuestion)).toList();
    }

    /**
     * The key that makes a respondent's responses one response, when the survey takes one per respondent: from the
     * customer id, else the email, else the phone; empty for an anonymous respondent.
     */
    public static Optional<IdempotencyKey> respondentKey(Respondent respondent) {
        if (respondent == null) {
            return Optional.empty();
        }
        Respondent who = respondent.normalised();
        String identity = who.customerId() != null ? "customer:" + who.customerId()
                : who.email() != null ? "email:" + who.email() : who.phone() != null ? "phone:" + who.phone() : null;
        return Optional.ofNullable(identity).map(value -> IdempotencyKey.ofContent("respondent/" + value));
    }

    void check(Map<String, Question> questions, Set<String> endingIds, Problems problems) {
        if (allowedOrigins != null) {
            if (allowedOrigins.size() > MAX_ORIGINS) {
                problems.add("settings.allowedOrigins", "must list at most " + MAX_ORIGINS + " origins");
            }
            for (int index = 0; index < allowedOrigins.size(); index++) {
                if (!isOrigin(allowedOrigins.get(index))) {
                    problems.add("settings.allowedOrigins[" + index + "]",
                            "must be an origin: scheme, host and port only, such as https://shop.example.com");
                }
            }
        }
        if (quotas == null) {
            return;
        }
        if (quotas.size() > MAX_QUOTAS) {
            problems.add("settings.quotas", "must list at most " + MAX_QUOTAS + " quotas");
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < quotas.size(); index++) {
            Quota quota = quotas.get(index);
            String field = "settings.quotas[" + index + "]";
            if (quota == null) {
                problems.add(field, "must not be null");
                continue;
            }
            if (quota.id() == null || !QUOTA_ID.matcher(quota.id()).matches() || !ids.add(quota.id())) {
                problems.add(field + ".id", "must be a unique id of 1 to 64 letters, digits, '_' or '-'");
            }
            if (quota.limit() == null || quota.limit() < 1) {
                problems.add(field + ".limit", "must be at least 1");
            }
            if (quota.action() == null) {
                problems.add(field + ".action", "must be STOP or REDIRECT");
            } else if (quota.action() == QuotaAction.REDIRECT
                    && (quota.endingId() == null || !endingIds.contains(quota.endingId()))) {
                problems.add(field + ".endingId", "must name one of the survey's endings " + endingIds);
            }
            if (quota.when() != null) {
                quota.when().check(field + ".when", questions, problems);
            }
        }
    }

    private static boolean isOrigin(String origin) {
        if (origin == null) {
            return false;
        }
        try {
            URI uri = new URI(origin);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawPath().isEmpty() && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
