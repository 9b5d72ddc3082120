package io.hearken.survey.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hearken.survey.domain.CreateSurvey;
import io.hearken.survey.domain.QuestionType;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.domain.SurveyContent;
import io.hearken.survey.domain.SurveyStatus;
import io.hearken.survey.domain.SurveyVersion;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The survey contracts: a change and a published version survive the round trip through their events, and a
 * {@code hearken.survey.published.v1} record (surveys before versions) reads as a survey whose version 1 it holds.
 */
class SurveyEventsTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private static final SurveyContent CONTENT;

    static {
        try {
            CONTENT = JSON.readValue("""
                    {"title": {"en": "Tell us", "ja": "ご意見"}, "languages": ["en", "ja"],
                     "pages": [{"id": "p", "questions": [
                       {"id": "nps", "type": "NPS", "required": true, "text": {"en": "Recommend?"}},
                       {"id": "why", "type": "SINGLE_CHOICE", "text": {"en": "Why?"},
                        "showIf": {"question": "nps", "operator": "AT_MOST", "value": 6},
                        "settings": {"options": [{"id": "a", "label": {"en": "A"}}], "allowOther": true}}]}],
                     "endings": [{"id": "bye", "text": {"en": "Bye"}}]}
                    """, SurveyContent.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aChangeAndItsVersionSurviveTheRoundTrip() throws Exception {
        Survey.Change published = Survey.create(new CreateSurvey("acme", "NPS", CONTENT, true),
                Instant.parse("2026-11-20T10:00:00Z"));
        Survey survey = published.survey();
        SurveyVersion version = published.published().orElseThrow();
        String change = JSON.writeValueAsString(SurveyEvents.SurveyChanged.of(survey));
        assertEquals(survey, JSON.readValue(change, SurveyEvents.SurveyChanged.class).toSurvey());
        String versionJson = JSON.writeValueAsString(SurveyEvents.SurveyVersionPublished.of(version));
        assertEquals(version, JSON.readValue(versionJson, SurveyEvents.SurveyVersionPublished.class).toVersion());
        assertEquals(survey.id() + "/v1", SurveyEvents.versionKey(version));
    }

    @Test
    void aVersion1DefinitionReadsAsASurveyWithItsOnlyVersion() throws Exception {
        String written = """
                {"id": "s0", "tenant": "acme", "name": "NPS", "title": {"en": "Tell us"}, "defaultLanguage": "en",
                 "questions": [{"id": "nps", "type": "NPS", "required": true, "text": {"en": "Recommend?"}}],
                 "status": "CLOSED", "version": 4, "createdAt": "2026-10-01T09:00:00Z",
                 "updatedAt": "2026-10-02T09:00:00Z"}
                """;
        Survey.Change change = JSON.readValue(written, SurveyPublished.class).toChange();
        assertEquals(SurveyStatus.CLOSED, change.survey().status());
        assertEquals(4, change.survey().revision());
        assertEquals(1, change.survey().publishedVersion());
        assertNull(change.survey().draft());
        SurveyVersion version = change.published().orElseThrow();
        assertEquals(QuestionType.NPS, version.content().questions().get(0).type());
        assertEquals("en", version.content().language());
    }
}
