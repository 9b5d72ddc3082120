package io.hearken.survey.messaging;

import io.hearken.survey.domain.Survey;
import io.hearken.survey.domain.SurveyContent;
import io.hearken.survey.domain.SurveyStatus;
import io.hearken.survey.domain.SurveyVersion;

import java.time.Instant;

/**
 * The survey contracts on {@code hearken.surveys}: a {@code hearken.survey.changed.v1} record per change, keyed by
 * survey id (compaction keeps the latest state), and a {@code hearken.survey.version.published.v1} record per
 * published version, keyed by {@code <survey id>/v<version>} (compaction keeps every version). The content is the
 * definition's JSON form ({@link SurveyContent}), the one the API takes and exports.
 */
final class SurveyEvents {

    private SurveyEvents() {
    }

    /** The state of a survey after a change. */
    public record SurveyChanged(String id, String tenant, String name, String status, long revision, int publishedVersion,
                         SurveyContent draft, Instant createdAt, Instant updatedAt) {

        static SurveyChanged of(Survey survey) {
            return new SurveyChanged(survey.id(), survey.tenant(), survey.name(), survey.status().name(),
                    survey.revision(), survey.publishedVersion(), survey.draft(), survey.createdAt(),
                    survey.updatedAt());
        }

        /** The domain survey; throws {@link IllegalArgumentException} for a status we do not know. */
        Survey toSurvey() {
            return new Survey(id, tenant, name, SurveyStatus.valueOf(status), revision, publishedVersion, draft,
                    createdAt, updatedAt);
        }
    }

    /** One published version. */
    public record SurveyVersionPublished(String surveyId, String tenant, int version, SurveyContent content,
                                  Instant publishedAt) {

        static SurveyVersionPublished of(SurveyVersion version) {
            return new SurveyVersionPublished(version.surveyId(), version.tenant(), version.version(),
                    version.content(), version.publishedAt());
        }

        SurveyVersion toVersion() {
            return new SurveyVersion(surveyId, tenant, version, content, publishedAt);
        }
    }

    static String versionKey(SurveyVersion version) {
        return version.surveyId() + "/v" + version.version();
    }
}
