package io.hearken.survey.rest;

import io.hearken.common.problem.ProblemException;
import io.hearken.common.validation.MaxUtf8Bytes;
import io.hearken.survey.domain.CreateSurvey;
import io.hearken.survey.domain.Ending;
import io.hearken.survey.domain.Page;
import io.hearken.survey.domain.Question;
import io.hearken.survey.domain.ReviseSurvey;
import io.hearken.survey.domain.SurveyContent;
import io.hearken.survey.domain.SurveySettings;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /v1/surveys} and {@code PUT /v1/surveys/{id}/draft}: a survey's name and content, in the
 * definition's JSON form (see {@link SurveyContent}); the domain checks the content and names every field at fault.
 * A survey whose questions fit on one page may list them as {@code questions} instead of {@code pages};
 * {@code publish: true} publishes the result as a new version at once.
 */
public record SurveyDefinition(
        @NotBlank @MaxUtf8Bytes(600) String name,
        Map<String, String> title,
        List<String> languages,
        String defaultLanguage,
        String touchpoint,
        String journeyStage,
        @Size(max = 50) List<Page> pages,
        @Size(max = 200) List<Question> questions,
        @Size(max = 20) List<Ending> endings,
        SurveySettings settings,
        Boolean publish) {

    private static final String ONE_PAGE_PREFIX = "pages[0].questions";

    /** The content this definition describes; refuses one that gives both pages and questions. */
    SurveyContent content() {
        if (pages != null && questions != null) {
            throw ProblemException.invalidField("questions", "give either pages or questions (one page), not both");
        }
        List<Page> asked = questions == null ? pages : List.of(new Page("main", null, null, null, questions));
        return new SurveyContent(title, languages, defaultLanguage, touchpoint, journeyStage, asked, endings,
                settings);
    }

    CreateSurvey toCreate(String tenant) {
        return new CreateSurvey(tenant, name, content(), Boolean.TRUE.equals(publish));
    }

    ReviseSurvey toRevise(Long expectedRevision) {
        return new ReviseSurvey(name, content(), expectedRevision);
    }

    /**
     * A problem with fields named as this request named them: with the one-page shorthand, the domain's
     * {@code pages[0].questions[1]} is the caller's {@code questions[1]}.
     */
    Throwable inCallersTerms(Throwable failure) {
        if (questions == null || !(failure instanceof ProblemException problem)) {
            return failure;
        }
        return problem.withFieldsRenamed(field -> field.startsWith(ONE_PAGE_PREFIX)
                ? field.substring(ONE_PAGE_PREFIX.length() - "questions".length()) : field);
    }

    SurveyDefinition withPublish(boolean publishNow) {
        return new SurveyDefinition(name, title, languages, defaultLanguage, touchpoint, journeyStage, pages,
                questions, endings, settings, publishNow);
    }

    boolean publishes() {
        return Boolean.TRUE.equals(publish);
    }

    /** The definition of a survey's name and content, as export gives it and import takes it. */
    static SurveyDefinition of(String name, SurveyContent content) {
        return new SurveyDefinition(name, content.title(), content.languages(), content.defaultLanguage(),
                content.touchpoint(), content.journeyStage(), content.pages(), null, content.endings(),
                content.settings(), null);
    }
}
