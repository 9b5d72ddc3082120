package io.hearken.survey.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every branching operator and combination, on the answers given before the condition. */
class ConditionTest {

    private static final Map<String, Answer> ANSWERS = Map.of(
            "nps", Answer.score("nps", QuestionType.NPS, 6, 0, 10),
            "plan", Answer.choices("plan", QuestionType.SINGLE_CHOICE, List.of("pro"), null),
            "liked", Answer.choices("liked", QuestionType.MULTIPLE_CHOICE, List.of("price", "speed"), null),
            "visit", Answer.date("visit", LocalDate.of(2026, 6, 1)),
            "ok", Answer.consent("ok", true, "Yes"),
            "why", Answer.text("why", QuestionType.TEXT, "slow"));

    private static boolean holds(String question, Operator operator, Object value) {
        return Condition.when(question, operator, value).holds(ANSWERS);
    }

    @Test
    void equalsAndNotEqualsCompareScoresTextsChoicesAndConsent() {
        assertTrue(holds("nps", Operator.EQUALS, 6));
        assertFalse(holds("nps", Operator.EQUALS, 7));
        assertTrue(holds("plan", Operator.EQUALS, "pro"));
        assertTrue(holds("why", Operator.EQUALS, "slow"));
        assertTrue(holds("ok", Operator.EQUALS, true));
        assertTrue(holds("nps", Operator.NOT_EQUALS, 7));
        assertFalse(holds("plan", Operator.NOT_EQUALS, "pro"));
    }

    @Test
    void orderingsCompareScoresAndDates() {
        assertTrue(holds("nps", Operator.LESS_THAN, 7));
        assertFalse(holds("nps", Operator.LESS_THAN, 6));
        assertTrue(holds("nps", Operator.AT_MOST, 6));
        assertTrue(holds("nps", Operator.GREATER_THAN, 5));
        assertFalse(holds("nps", Operator.GREATER_THAN, 6));
        assertTrue(holds("nps", Operator.AT_LEAST, 6));
        assertTrue(holds("visit", Operator.AT_LEAST, "2026-01-01"));
        assertFalse(holds("visit", Operator.LESS_THAN, "2026-06-01"));
        assertFalse(holds("why", Operator.LESS_THAN, 3), "text never meets an ordering");
    }

    @Test
    void anyOfAndContainsLookAtTheOptionsPicked() {
        assertTrue(holds("nps", Operator.ANY_OF, List.of(0, 1, 2, 3, 4, 5, 6)));
        assertFalse(holds("nps", Operator.ANY_OF, List.of(9, 10)));
        assertTrue(holds("liked", Operator.ANY_OF, List.of("speed", "staff")));
        assertTrue(holds("liked", Operator.CONTAINS, "price"));
        assertFalse(holds("liked", Operator.CONTAINS, "staff"));
    }

    @Test
    void anUnansweredQuestionMeetsOnlyNotAnswered() {
        assertTrue(holds("skipped", Operator.NOT_ANSWERED, null));
        assertFalse(holds("skipped", Operator.ANSWERED, null));
        assertFalse(holds("skipped", Operator.NOT_EQUALS, 3));
        assertFalse(holds("skipped", Operator.LESS_THAN, 3));
        assertTrue(holds("nps", Operator.ANSWERED, null));
    }

    @Test
    void allIsAndAnyIsOrAndTheyNest() {
        Condition detractor = Condition.when("nps", Operator.AT_MOST, 6);
        Condition pro = Condition.when("plan", Operator.EQUALS, "pro");
        Condition free = Condition.when("plan", Operator.EQUALS, "free");
        assertTrue(Condition.allOf(detractor, pro).holds(ANSWERS));
        assertFalse(Condition.allOf(detractor, free).holds(ANSWERS));
        assertTrue(Condition.anyOf(free, detractor).holds(ANSWERS));
        assertFalse(Condition.anyOf(free, Condition.when("nps", Operator.AT_LEAST, 9)).holds(ANSWERS));
        assertTrue(Condition.allOf(Condition.anyOf(free, pro), detractor).holds(ANSWERS));
    }

    @Test
    void aConditionThatCannotWorkIsRefusedWithItsField() {
        Map<String, Question> before = Map.of(
                "nps", Question.simple("nps", QuestionType.NPS, true, Map.of("en", "?")),
                "why", Question.simple("why", QuestionType.TEXT, false, Map.of("en", "?")));
        assertEquals(List.of("c.operator"), problems(new Condition(null, null, "nps", null, 3), before));
        assertEquals(List.of("c.value"), problems(Condition.when("why", Operator.LESS_THAN, 3), before));
        assertEquals(List.of("c.value"), problems(Condition.when("nps", Operator.EQUALS, null), before));
        assertEquals(List.of("c.value"), problems(Condition.when("nps", Operator.ANSWERED, 3), before));
        assertEquals(List.of("c.value"), problems(Condition.when("nps", Operator.CONTAINS, "a"), before));
        assertEquals(List.of("c.value"), problems(Condition.when("nps", Operator.ANY_OF, List.of()), before));
        assertEquals(List.of("c.question"), problems(Condition.when("later", Operator.ANSWERED, null), before));
        assertEquals(List.of("c"), problems(new Condition(List.of(), null, "nps", Operator.ANSWERED, null), before));
        assertEquals(List.of("c.all[0].question"),
                problems(Condition.allOf(Condition.when("x", Operator.ANSWERED, null)), before));
        Condition deep = Condition.when("nps", Operator.ANSWERED, null);
        for (int level = 0; level < Condition.MAX_DEPTH; level++) {
            deep = Condition.allOf(deep);
        }
        assertEquals(1, problems(deep, before).size());
    }

    private static List<String> problems(Condition condition, Map<String, Question> before) {
        Problems problems = new Problems();
        condition.check("c", before, problems);
        return problems.list().stream().map(FieldViolation::field).toList();
    }
}
