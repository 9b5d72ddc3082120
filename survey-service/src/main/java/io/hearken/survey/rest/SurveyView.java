package io.hearken.survey.rest;

import io.hearken.survey.domain.Survey;
import io.hearken.survey.domain.SurveyContent;
import io.hearken.survey.domain.SurveyVersion;

import java.time.Instant;

/**
 * A survey as the administration API shows it: its state, the draft being edited (null when everything is
 * published) and the latest published version (null before the first). {@code revision} is also the ETag.
 */
public record SurveyView(String id, String tenant, String name, String status, long revision, int publishedVersion,
                         SurveyContent draft, VersionView latest, Instant createdAt, Instant updatedAt) {

    /** One published version: its number, when it was published, and its content. */
    public record VersionView(int version, Instant publishedAt, SurveyContent content) {

        static VersionView of(SurveyVersion version) {
            return new VersionView(version.version(), version.publishedAt(), version.content());
        }
    }

    static SurveyView of(Survey.Change change) {
        Survey survey = change.survey();
        return new SurveyView(survey.id(), survey.tenant(), survey.name(), survey.status().name(), survey.revision(),
                survey.publishedVersion(), survey.draft(), change.published().map(VersionView::of).orElse(null),
                survey.createdAt(), survey.updatedAt());
    }

    /** A survey in a listing, without its latest version's content. */
    static SurveyView summary(Survey survey) {
        return new SurveyView(survey.id(), survey.tenant(), survey.name(), survey.status().name(), survey.revision(),
                survey.publishedVersion(), null, null, survey.createdAt(), survey.updatedAt());
    }
}
