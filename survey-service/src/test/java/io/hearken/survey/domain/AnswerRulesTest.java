package io.hearken.survey.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each question kind's rule, driven by two corpora that grow with every kind: {@code answer-corpus.json} (answers
 * each kind accepts and refuses, with the reason a respondent reads) and {@code definition-corpus.json} (question
 * definitions a designer gets wrong, with the field named).
 */
class AnswerRulesTest {

    @TestFactory
    Stream<DynamicTest> everyKindAcceptsItsAnswersAndRefusesTheRestWithAReason() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode entry : Definitions.resource("answer-corpus.json")) {
            ObjectNode definition = Definitions.JSON.createObjectNode()
                    .put("id", "q").put("type", entry.get("type").asText())
                    .put("required", entry.path("required").asBoolean(false));
            definition.putObject("text").put("en", "Question");
            if (entry.has("settings")) {
                definition.set("settings", entry.get("settings"));
            }
            Question question = Definitions.read(definition, Question.class);
            AnswerRule rule = question.rule();
            String kind = entry.get("type").asText() + " " + entry.path("settings");
            for (JsonNode accepted : entry.get("accept")) {
                tests.add(DynamicTest.dynamicTest(kind + " accepts " + accepted, () -> {
                    Object value = Definitions.value(accepted);
                    assertNull(rule.problemWith(value));
                    Answer answer = rule.answer(value, "en", "en");
                    assertEquals(question.type(), answer.type());
                    assertEquals("q", answer.questionId());
                }));
            }
            for (JsonNode refused : entry.get("refuse")) {
                tests.add(DynamicTest.dynamicTest(kind + " refuses " + refused.get(0), () -> {
                    String problem = rule.problemWith(Definitions.value(refused.get(0)));
                    assertNotNull(problem, "accepted " + refused.get(0));
                    assertTrue(problem.contains(refused.get(1).asText()), problem);
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> aDefinitionMistakeNamesItsField() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode entry : Definitions.resource("definition-corpus.json")) {
            String field = entry.get("field").asText();
            tests.add(DynamicTest.dynamicTest(field, () -> {
                ObjectNode content = Definitions.JSON.createObjectNode();
                content.putObject("title").put("en", "Survey");
                ObjectNode page = content.putArray("pages").addObject().put("id", "p");
                page.putArray("questions").add(entry.get("question"));
                SurveyContent definition = Definitions.read(content, SurveyContent.class);
                RuleViolation violation = assertThrows(RuleViolation.class, () -> Definitions.published(definition));
                assertTrue(violation.violations().stream().anyMatch(found -> found.field().equals(field)
                                && found.message().contains(entry.get("message").asText())),
                        violation.violations().toString());
            }));
        }
        return tests.stream();
    }

    @Test
    void scalesKeepTheirBoundsSoRatingsOnDifferentRangesCompare() {
        Question stars = Definitions.read("""
                {"id": "stars", "type": "RATING", "text": {"en": "Stars"}, "settings": {"min": 1, "max": 10}}
                """, Question.class);
        Answer answer = stars.rule().answer(7, "en", "en");
        assertEquals(7, answer.score());
        assertEquals(1, answer.scaleMin());
        assertEquals(10, answer.scaleMax());
        Answer nps = Question.simple("nps", QuestionType.NPS, true, Map.of("en", "?")).rule().answer(9, "en", "en");
        assertEquals(0, nps.scaleMin());
        assertEquals(10, nps.scaleMax());
    }

    @Test
    void choicesKeepTheOtherTextAndRankingsKeepTheOrder() {
        Question pick = Definitions.read("""
                {"id": "why", "type": "MULTIPLE_CHOICE", "text": {"en": "Why?"},
                 "settings": {"options": [{"id": "price", "label": {"en": "Price"}}], "allowOther": true}}
                """, Question.class);
        Answer answer = pick.rule().answer(Map.of("choices", List.of("price", "other"), "other", "Staff"), "en",
                "en");
        assertEquals(List.of("price", "other"), answer.choices());
        assertEquals("Staff", answer.otherText());
        Question rank = Definitions.read("""
                {"id": "rank", "type": "RANKING", "text": {"en": "Rank"},
                 "settings": {"options": [{"id": "a", "label": {"en": "A"}}, {"id": "b", "label": {"en": "B"}}]}}
                """, Question.class);
        assertEquals(List.of("b", "a"), rank.rule().answer(List.of("b", "a"), "en", "en").choices());
    }

    @Test
    void aMatrixKeepsEveryRowWithItsScale() {
        Question matrix = Definitions.read("""
                {"id": "m", "type": "MATRIX", "text": {"en": "Rate"}, "settings": {"min": 0, "max": 4,
                 "rows": [{"id": "speed", "label": {"en": "Speed"}}, {"id": "staff", "label": {"en": "Staff"}}]}}
                """, Question.class);
        Answer answer = matrix.rule().answer(Map.of("speed", 0, "staff", 4), "en", "en");
        assertEquals(Map.of("speed", 0, "staff", 4), answer.rows());
        assertEquals(4, answer.scaleMax());
    }

    @Test
    void consentKeepsTheWordingShownInTheRespondentsLanguageAndDatesAreTyped() {
        Question consent = Definitions.read("""
                {"id": "ok", "type": "CONSENT", "required": true,
                 "text": {"en": "You may contact me", "ja": "連絡を受けることに同意します"}}
                """, Question.class);
        Answer agreed = consent.rule().answer(true, "ja", "en");
        assertTrue(agreed.consent());
        assertEquals("連絡を受けることに同意します", agreed.text());
        assertEquals("You may contact me", consent.rule().answer(true, "zh-TW", "en").text());
        Question visit = Definitions.read("""
                {"id": "visit", "type": "DATE", "text": {"en": "When?"}}
                """, Question.class);
        assertEquals(LocalDate.of(2026, 11, 26), visit.rule().answer("2026-11-26", "en", "en").date());
    }
}
