package io.hearken.survey.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Draft, active, paused, closed: what each state takes, and how versions are frozen. */
class SurveyLifecycleTest {

    private static final SurveyContent FIRST = Definitions.content("""
            {"title": {"en": "How did we do?"}, "pages": [{"id": "p", "questions": [
              {"id": "nps", "type": "NPS", "required": true, "text": {"en": "Recommend?"}}]}]}
            """);
    private static final SurveyContent SECOND = Definitions.content("""
            {"title": {"en": "How did we do?"}, "pages": [{"id": "p", "questions": [
              {"id": "nps", "type": "NPS", "required": true, "text": {"en": "Recommend?"}},
              {"id": "csat", "type": "CSAT", "required": true, "text": {"en": "Satisfied?"}}]}]}
            """);
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void aNewSurveyIsADraftThatTakesNoResponsesUntilPublished() {
        Survey draft = Survey.create(new CreateSurvey("acme", "NPS", FIRST, false), NOW).survey();
        assertEquals(SurveyStatus.DRAFT, draft.status());
        assertEquals(0, draft.publishedVersion());
        RuleViolation refused = assertThrows(RuleViolation.class, () -> draft.versionAnswered(null));
        assertTrue(refused.conflict());
        Survey.Change published = draft.publish(NOW);
        assertEquals(SurveyStatus.ACTIVE, published.survey().status());
        assertEquals(1, published.published().orElseThrow().version());
        assertNull(published.survey().draft());
        assertEquals(draft.revision() + 1, published.survey().revision());
    }

    @Test
    void revisingAnActiveSurveyLeavesItsPublishedVersionAnswerableUntilTheNextPublish() {
        Survey.Change v1 = Survey.create(new CreateSurvey("acme", "NPS", FIRST, true), NOW);
        Survey revised = v1.survey().revise(new ReviseSurvey(null, SECOND, null), NOW).survey();
        assertEquals(SurveyStatus.ACTIVE, revised.status());
        assertEquals(1, revised.versionAnswered(null));
        assertNotNull(revised.draft());
        Survey.Change v2 = revised.publish(NOW);
        assertEquals(2, v2.survey().versionAnswered(null));
        assertEquals(1, v2.survey().versionAnswered(1), "a respondent still on version 1 may answer it");
        RuleViolation unknown = assertThrows(RuleViolation.class, () -> v2.survey().versionAnswered(3));
        assertEquals("surveyVersion", unknown.violations().get(0).field());
        Response answered = v2.survey().respond(v1.published().orElseThrow(),
                Definitions.submission(Map.of("nps", 9)), NOW);
        assertEquals(1, answered.surveyVersion());
    }

    @Test
    void aRevisionOfAnOlderRevisionIsAConflict() {
        Survey survey = Survey.create(new CreateSurvey("acme", "NPS", FIRST, false), NOW).survey();
        RuleViolation stale = assertThrows(RuleViolation.class,
                () -> survey.revise(new ReviseSurvey(null, SECOND, survey.revision() - 1), NOW));
        assertTrue(stale.conflict());
        assertEquals("Renamed", survey.revise(new ReviseSurvey("Renamed", SECOND, survey.revision()), NOW)
                .survey().name());
    }

    @Test
    void pausedAndClosedSurveysTakeNoResponsesAndSayWhy() {
        Survey active = Survey.create(new CreateSurvey("acme", "NPS", FIRST, true), NOW).survey();
        Survey paused = active.pause(NOW).survey();
        RuleViolation whilePaused = assertThrows(RuleViolation.class, () -> paused.versionAnswered(null));
        assertTrue(whilePaused.getMessage().contains("paused"));
        assertEquals(SurveyStatus.ACTIVE, paused.resume(NOW).survey().status());
        Survey closed = paused.close(NOW).survey();
        RuleViolation whileClosed = assertThrows(RuleViolation.class, () -> closed.versionAnswered(null));
        assertTrue(whileClosed.getMessage().contains("closed"));
        assertTrue(assertThrows(RuleViolation.class, () -> closed.resume(NOW)).conflict());
        assertTrue(assertThrows(RuleViolation.class, () -> closed.publish(NOW)).conflict());
        assertTrue(assertThrows(RuleViolation.class,
                () -> closed.revise(new ReviseSurvey(null, SECOND, null), NOW)).conflict());
        assertTrue(assertThrows(RuleViolation.class, () -> active.resume(NOW)).conflict());
    }

    @Test
    void publishingWithoutADraftIsAConflictAndEveryChangeGrowsTheRevision() {
        Survey.Change v1 = Survey.create(new CreateSurvey("acme", "NPS", FIRST, true), NOW);
        assertTrue(assertThrows(RuleViolation.class, () -> v1.survey().publish(NOW)).conflict());
        Survey paused = v1.survey().pause(NOW).survey();
        assertEquals(v1.survey().revision() + 1, paused.revision());
        assertEquals(Optional.empty(), v1.survey().pause(NOW).published());
    }

    @Test
    void aRetriedKeyedSubmissionGetsTheSameResponseId() {
        Survey survey = Survey.create(new CreateSurvey("acme", "NPS", FIRST, true), NOW).survey();
        Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("key-0123456789abcdef"));
        assertEquals(survey.responseIdFor(key), survey.responseIdFor(key));
        assertTrue(!survey.responseIdFor(Optional.empty()).equals(survey.responseIdFor(Optional.empty())));
    }
}
