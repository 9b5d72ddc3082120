package io.hearken.survey.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a published version judges a submission: logic, languages, journey placement and closing texts. */
class SurveyVersionTest {

    /** Detractors get a page asking why; promoters a review request; a hidden order id rides along. */
    private static final Survey.Change SURVEY = Definitions.published(Definitions.content("""
            {"title": {"en": "How did we do?", "ja": "いかがでしたか?"},
             "languages": ["en", "ja", "zh-TW", "zh-CN"], "defaultLanguage": "en",
             "touchpoint": "checkout", "journeyStage": "purchase",
             "pages": [
               {"id": "score", "questions": [
                 {"id": "order", "type": "HIDDEN"},
                 {"id": "nps", "type": "NPS", "required": true, "text": {"en": "Recommend?", "ja": "薦めますか?"}}]},
               {"id": "detractor", "showIf": {"question": "nps", "operator": "AT_MOST", "value": 6}, "questions": [
                 {"id": "why", "type": "MULTIPLE_CHOICE", "required": true, "text": {"en": "You gave {{nps}}. Why?"},
                  "settings": {"options": [{"id": "price", "label": {"en": "Price"}},
                                           {"id": "speed", "label": {"en": "Speed"}}], "allowOther": true}},
                 {"id": "call", "type": "CONSENT", "text": {"en": "Call me back"},
                  "showIf": {"any": [{"question": "why", "operator": "CONTAINS", "value": "other"},
                                     {"question": "nps", "operator": "AT_MOST", "value": 3}]}}]},
               {"id": "promoter", "showIf": {"question": "nps", "operator": "AT_LEAST", "value": 9}, "questions": [
                 {"id": "review", "type": "CONSENT", "required": true, "text": {"en": "Review us?"}}]}],
             "endings": [
               {"id": "sorry", "when": {"question": "nps", "operator": "AT_MOST", "value": 6},
                "text": {"en": "Sorry: we will do better.", "ja": "申し訳ありません。"}},
               {"id": "thanks", "text": {"en": "Thank you!"}}]}
            """));

    @Test
    void aDetractorAnswersTheDetractorPageAndGetsItsClosingText() {
        Response response = Definitions.respond(SURVEY, Definitions.submission("ja",
                Map.of("order", "ORD-1", "nps", 2, "why", List.of("price"), "call", true)));
        assertEquals(List.of("order", "nps", "why", "call"),
                response.answers().stream().map(Answer::questionId).toList());
        assertEquals("ja", response.language());
        assertEquals("checkout", response.touchpoint());
        assertEquals("purchase", response.journeyStage());
        SurveyContent content = SURVEY.published().orElseThrow().content();
        assertEquals(new SurveyContent.Closing("sorry", "申し訳ありません。"),
                content.closingFor(response.answers(), "ja").orElseThrow());
        assertEquals("Sorry: we will do better.",
                content.closingFor(response.answers(), "zh-TW").orElseThrow().text(), "falls back to the default");
    }

    @Test
    void answeringAQuestionTheLogicHidesIsRefused() {
        RuleViolation violation = assertThrows(RuleViolation.class, () -> Definitions.respond(SURVEY,
                Definitions.submission(Map.of("nps", 10, "review", true, "why", List.of("price")))));
        assertEquals(List.of("answers.why"), Definitions.fields(violation));
        assertTrue(violation.violations().get(0).message().contains("logic hides"));
    }

    @Test
    void requiredOnlyBindsWhereTheQuestionIsShown() {
        Response passive = Definitions.respond(SURVEY, Definitions.submission(Map.of("nps", 7)));
        assertEquals(1, passive.answers().size());
        RuleViolation promoter = assertThrows(RuleViolation.class,
                () -> Definitions.respond(SURVEY, Definitions.submission(Map.of("nps", 9))));
        assertEquals(List.of("answers.review"), Definitions.fields(promoter));
        RuleViolation orCondition = assertThrows(RuleViolation.class, () -> Definitions.respond(SURVEY,
                Definitions.submission(Map.of("nps", 5, "why", List.of("speed"), "call", true))));
        assertEquals(List.of("answers.call"), Definitions.fields(orCondition), "neither 'other' nor a score <= 3");
    }

    @Test
    void aLanguageTheSurveyDoesNotOfferAnUnknownQuestionAndABadChannelAreNamedTogether() {
        SubmitResponse submission = new SubmitResponse("s1", null, Optional.empty(), "fax", "fr", "Checkout!",
                "shopping", null, Map.of("nps", 11, "colour", "blue"), null, null, null, false);
        RuleViolation violation = assertThrows(RuleViolation.class, () -> Definitions.respond(SURVEY, submission));
        assertEquals(List.of("answers.colour", "answers.nps", "channel", "journeyStage", "language", "touchpoint"),
                Definitions.fields(violation));
    }

    @Test
    void theSubmissionMayPlaceItselfAtAnotherTouchpointAndStage() {
        SubmitResponse submission = new SubmitResponse("s1", null, Optional.empty(), "sms", "zh-CN", "delivery",
                "usage", Respondent.claimed(" Mika@Example.COM ", null, null), Map.of("nps", 8), null, null, null, false);
        Response response = Definitions.respond(SURVEY, submission);
        assertEquals("delivery", response.touchpoint());
        assertEquals("usage", response.journeyStage());
        assertEquals(Channel.SMS, response.channel());
        assertEquals("mika@example.com", response.respondent().email());
    }

    @Test
    void nullAnswersAreSkippedAndTheFingerprintIgnoresAnswerOrder() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("nps", 2);
        answers.put("why", List.of("price", "speed"));
        answers.put("call", null);
        Response first = Definitions.respond(SURVEY, Definitions.submission(answers));
        assertEquals(2, first.answers().size());
        Response reordered = first.withSubmittedAt(Instant.EPOCH);
        assertEquals(first.contentFingerprint(), new Response(first.id(), first.surveyId(), first.surveyVersion(),
                first.tenant(), first.channel(), first.language(), first.touchpoint(), first.journeyStage(),
                first.respondent(), List.of(first.answers().get(1), first.answers().get(0)), null, null, true,
                Instant.EPOCH, null)
                .contentFingerprint());
        Response other = Definitions.respond(SURVEY, Definitions.submission(Map.of("nps", 3, "why",
                List.of("price"))));
        assertNotEquals(reordered.contentFingerprint(), other.contentFingerprint());
    }
}
