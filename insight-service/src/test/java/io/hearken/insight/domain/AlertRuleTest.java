package io.hearken.insight.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule type fires once for a matching response and not for one just outside, and rules validate by field. */
class AlertRuleTest {

    private static final String TENANT = "acme";
    private static final Instant AT = Instant.parse("2026-11-20T10:15:00Z");

    private static AlertRule rule(AlertRuleType type, AlertRuleParameters parameters) {
        return new AlertRule("rule-" + type, TENANT, "watch " + type, type, parameters, null, Priority.HIGH, true);
    }

    private static ResponseSignals response(Integer nps, List<Integer> csat, Double sentiment, String... texts) {
        return new ResponseSignals(TENANT, "event-1", "response-1", "survey-1", "profile-1", "customer-1", "email", AT,
                nps, csat, sentiment, List.of(texts));
    }

    private static ResponseSignals nps(int score) {
        return response(score, List.of(), null);
    }

    private static ResponseSignals csat(Integer... scores) {
        return response(null, Arrays.asList(scores), null);
    }

    private static ResponseSignals sentiment(double sentiment) {
        return response(null, List.of(), sentiment);
    }

    private static ResponseSignals review(double sentiment, String text) {
        return new ResponseSignals(TENANT, "event-9", "review-9", null, null, "customer-1", "app-store", AT,
                null, null, sentiment, List.of(text));
    }

    private static List<AlertTrigger> evaluate(AlertRule rule, ResponseSignals response) {
        return new TenantAlertRules(TENANT, List.of(rule)).evaluate(response);
    }

    @Test
    void detractorFiresForSixAndNotForSeven() {
        AlertRule rule = rule(AlertRuleType.DETRACTOR, AlertRuleParameters.none());

        List<AlertTrigger> six = evaluate(rule, nps(6));
        assertEquals(1, six.size());
        assertEquals("nps=6", six.get(0).evidence());
        assertEquals(ScaleScore.nps(6), six.get(0).triggeringScore());
        assertEquals("NPS 6 is a detractor score (0–6)", six.get(0).reason());
        assertEquals(1, evaluate(rule, nps(0)).size());
        assertTrue(evaluate(rule, nps(7)).isEmpty());
        assertTrue(evaluate(rule, csat(1)).isEmpty(), "no NPS answer, no detractor");
    }

    @Test
    void lowCsatFiresAtTheDefaultTwoAndNotAtThree() {
        AlertRule rule = rule(AlertRuleType.LOW_CSAT, AlertRuleParameters.none());

        assertEquals(1, evaluate(rule, csat(2)).size());
        assertTrue(evaluate(rule, csat(3)).isEmpty());
        assertTrue(evaluate(rule, nps(0)).isEmpty());
    }

    @Test
    void lowCsatFiresOnceWithTheLowestAnswerWhenSeveralMatch() {
        AlertRule rule = rule(AlertRuleType.LOW_CSAT, AlertRuleParameters.none());

        List<AlertTrigger> triggers = evaluate(rule, csat(5, 2, 1, 4));

        assertEquals(1, triggers.size());
        assertEquals("csat=1", triggers.get(0).evidence());
        assertEquals(ScaleScore.csat(1), triggers.get(0).triggeringScore());
        assertEquals("CSAT 1 is at or below 2", triggers.get(0).reason());
    }

    @Test
    void lowCsatHonoursAGivenThreshold() {
        AlertRule rule = rule(AlertRuleType.LOW_CSAT, AlertRuleParameters.ofThreshold(3));

        assertEquals(1, evaluate(rule, csat(3)).size());
        assertTrue(evaluate(rule, csat(4)).isEmpty());
    }

    @Test
    void negativeSentimentFiresAtTheThresholdAndNotJustAbove() {
        AlertRule rule = rule(AlertRuleType.NEGATIVE_SENTIMENT, AlertRuleParameters.none());

        List<AlertTrigger> atThreshold = evaluate(rule, sentiment(-0.3));
        assertEquals(1, atThreshold.size());
        assertEquals("sentiment=-0.3", atThreshold.get(0).evidence());
        assertNull(atThreshold.get(0).triggeringScore());
        assertEquals(1, evaluate(rule, sentiment(-1)).size());
        assertTrue(evaluate(rule, sentiment(-0.29)).isEmpty());
        assertTrue(evaluate(rule, nps(0)).isEmpty(), "no sentiment, nothing to compare");
    }

    @Test
    void keywordFiresOnceWithTheKeywordAsEvidence() {
        AlertRule rule = rule(AlertRuleType.KEYWORD, AlertRuleParameters.ofKeywords("cancel", "解約", "退款"));

        List<AlertTrigger> triggers = evaluate(rule, response(9, List.of(), null, "I will cancel", "解約したい"));

        assertEquals(1, triggers.size());
        assertEquals("cancel", triggers.get(0).evidence());
        assertEquals("the text mentions \"cancel\"", triggers.get(0).reason());
        assertEquals("退款", evaluate(rule, response(null, List.of(), null, "我要退款")).get(0).evidence());
        assertTrue(evaluate(rule, response(null, List.of(), null, "it was cancelled", "契約")).isEmpty());
    }

    @Test
    void feedbackWithoutScoresCanFireOnlySentimentAndKeywordRules() {
        List<AlertRule> rules = List.of(rule(AlertRuleType.DETRACTOR, AlertRuleParameters.none()),
                rule(AlertRuleType.LOW_CSAT, AlertRuleParameters.none()),
                rule(AlertRuleType.NEGATIVE_SENTIMENT, AlertRuleParameters.none()),
                rule(AlertRuleType.KEYWORD, AlertRuleParameters.ofKeywords("refund")));

        List<AlertTrigger> triggers = new TenantAlertRules(TENANT, rules)
                .evaluate(review(-0.8, "Terrible. I want a refund."));

        assertEquals(List.of(AlertRuleType.NEGATIVE_SENTIMENT, AlertRuleType.KEYWORD),
                triggers.stream().map(trigger -> trigger.rule().type()).toList());
        assertEquals("review-9", triggers.get(0).responseId());
        assertEquals("event-9", triggers.get(0).sourceId());
    }

    @Test
    void everyMatchingRuleFiresOncePerResponse() {
        List<AlertRule> rules = List.of(rule(AlertRuleType.DETRACTOR, AlertRuleParameters.none()),
                rule(AlertRuleType.LOW_CSAT, AlertRuleParameters.none()),
                rule(AlertRuleType.NEGATIVE_SENTIMENT, AlertRuleParameters.none()),
                rule(AlertRuleType.KEYWORD, AlertRuleParameters.ofKeywords("cancel", "refund")));

        List<AlertTrigger> triggers = new TenantAlertRules(TENANT, rules)
                .evaluate(response(2, List.of(1, 2), -0.9, "cancel and refund", "cancel!"));

        assertEquals(4, triggers.size());
        assertEquals(4, triggers.stream().map(trigger -> trigger.rule().id()).distinct().count());
    }

    @Test
    void disabledInvalidAndOtherTenantsRulesDoNotFire() {
        AlertRule disabled = new AlertRule("r1", TENANT, "off", AlertRuleType.DETRACTOR, null, null, Priority.LOW,
                false);
        AlertRule invalid = rule(AlertRuleType.LOW_CSAT, AlertRuleParameters.ofThreshold(9));
        AlertRule otherTenant = new AlertRule("r3", "globex", "theirs", AlertRuleType.DETRACTOR, null, null,
                Priority.LOW, true);

        TenantAlertRules rules = new TenantAlertRules(TENANT, List.of(disabled, invalid, otherTenant));

        assertTrue(rules.active().isEmpty());
        assertTrue(rules.evaluate(response(0, List.of(1), -1.0, "cancel")).isEmpty());
        assertTrue(otherTenant.evaluate(nps(0)).isEmpty(), "a rule never fires for another tenant's response");
    }

    @Test
    void theSurveyFilterLimitsARuleToOneSurvey() {
        AlertRule onlySurveyTwo = new AlertRule("r", TENANT, "s2", AlertRuleType.DETRACTOR, null, "survey-2",
                Priority.MEDIUM, true);
        AlertRule keywordsInSurveyTwo = new AlertRule("k", TENANT, "k2", AlertRuleType.KEYWORD,
                AlertRuleParameters.ofKeywords("refund"), "survey-2", Priority.MEDIUM, true);

        assertTrue(evaluate(onlySurveyTwo, nps(0)).isEmpty());
        assertTrue(evaluate(keywordsInSurveyTwo, review(0, "refund")).isEmpty(), "a review is in no survey");
        ResponseSignals inSurveyTwo = new ResponseSignals(TENANT, "e", "r", "survey-2", null, null, "web", AT, 0,
                null, null, null);
        assertEquals(1, evaluate(onlySurveyTwo, inSurveyTwo).size());
    }

    @Test
    void aValidRuleHasNoViolations() {
        assertEquals(List.of(), rule(AlertRuleType.DETRACTOR, AlertRuleParameters.none()).violations());
        assertEquals(List.of(), rule(AlertRuleType.LOW_CSAT, AlertRuleParameters.ofThreshold(1)).violations());
        assertEquals(List.of(), rule(AlertRuleType.NEGATIVE_SENTIMENT, AlertRuleParameters.ofThreshold(-1))
                .violations());
        assertEquals(List.of(), rule(AlertRuleType.KEYWORD, AlertRuleParameters.ofKeywords("解約")).violations());
        assertEquals(List.of(), rule(AlertRuleType.SCORE_DROP,
                AlertRuleParameters.ofScoreDrop(ScoreMeasure.NPS, ScorePeriod.WEEK)).violations());
    }

    @Test
    void validationNamesTheFieldAtFault() {
        assertEquals(List.of("keywords"), fields(rule(AlertRuleType.KEYWORD, AlertRuleParameters.ofKeywords())));
        assertEquals(List.of("keywords"), fields(rule(AlertRuleType.KEYWORD,
                AlertRuleParameters.ofKeywords(Arrays.asList("cancel", null)))));
        assertEquals(List.of("keywords"), fields(rule(AlertRuleType.KEYWORD,
                AlertRuleParameters.ofKeywords(" ", "x"))));
        assertEquals(List.of("threshold"), fields(rule(AlertRuleType.LOW_CSAT, AlertRuleParameters.ofThreshold(6))));
        assertEquals(List.of("threshold"), fields(rule(AlertRuleType.LOW_CSAT, AlertRuleParameters.ofThreshold(0))));
        assertEquals(List.of("threshold"), fields(rule(AlertRuleType.LOW_CSAT, AlertRuleParameters.ofThreshold(2.5))));
        assertEquals(List.of("threshold"), fields(rule(AlertRuleType.NEGATIVE_SENTIMENT,
                AlertRuleParameters.ofThreshold(-1.5))));
        assertEquals(List.of("threshold"), fields(rule(AlertRuleType.DETRACTOR, AlertRuleParameters.ofThreshold(6))));
        assertEquals(List.of("score", "period"), fields(rule(AlertRuleType.SCORE_DROP, AlertRuleParameters.none())));
        assertEquals(List.of("name", "priority"), fields(new AlertRule("r", TENANT, " ", AlertRuleType.DETRACTOR,
                null, null, null, true)));
        assertEquals(List.of("type"), fields(new AlertRule("r", TENANT, "n", null, null, null, Priority.LOW, true)));
    }

    @Test
    void aViolationSaysWhy() {
        FieldViolation violation = rule(AlertRuleType.LOW_CSAT, AlertRuleParameters.ofThreshold(7)).violations().get(0);

        assertEquals("threshold", violation.field());
        assertEquals("a CSAT threshold is a whole answer from 1 to 5, was 7", violation.reason());
    }

    private static List<String> fields(AlertRule rule) {
        return rule.violations().stream().map(FieldViolation::field).toList();
    }

    @Test
    void theTriggerCarriesTheResponsesIdentities() {
        AlertTrigger trigger = evaluate(rule(AlertRuleType.DETRACTOR, AlertRuleParameters.none()), nps(3)).get(0);

        assertEquals("event-1", trigger.sourceId());
        assertEquals("response-1", trigger.responseId());
        assertEquals("survey-1", trigger.surveyId());
        assertEquals("profile-1", trigger.profileId());
        assertEquals("customer-1", trigger.customerId());
        assertEquals(Optional.of(trigger), rule(AlertRuleType.DETRACTOR, AlertRuleParameters.none()).evaluate(nps(3)));
    }
}
