package io.hearken.survey.service;

import io.hearken.common.problem.Problem;
import io.hearken.common.problem.ProblemException;
import io.hearken.survey.domain.Question;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.domain.SurveyStatus;
import io.hearken.survey.messaging.EventJournal;
import io.hearken.survey.repository.SurveyRepository;
import io.hearken.survey.rest.CreateSurveyRequest;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Creates and reads survey definitions. A definition is kept once Kafka has it; MongoDB follows. */
@ApplicationScoped
public class SurveyService {

    private static final Duration READ_YOUR_WRITE_TIMEOUT = Duration.ofSeconds(2);

    private final EventJournal journal;
    private final SurveyRepository repository;
    private final SurveyCatalog catalog;

    public SurveyService(EventJournal journal, SurveyRepository repository, SurveyCatalog catalog) {
        this.journal = journal;
        this.repository = repository;
        this.catalog = catalog;
    }

    public Uni<Survey> create(String tenant, CreateSurveyRequest request) {
        Survey survey = newSurvey(tenant, request);
        return journal.append(survey)
                // Also write MongoDB now, so the creator can read the survey at once; if this fails the
                // projector writes it from the topic.
                .call(() -> repository.save(survey)
                        .ifNoItem().after(READ_YOUR_WRITE_TIMEOUT).fail()
                        .onFailure().recoverWithItem(failure -> {
                            Log.warnf("Survey %s is kept in Kafka; MongoDB will follow (%s)", survey.id(),
                                    failure.toString());
                            return null;
                        }))
                .invoke(() -> catalog.remember(survey))
                .replaceWith(survey);
    }

    public Uni<Survey> get(String tenant, String surveyId) {
        return repository.findById(surveyId)
                .map(found -> found.filter(survey -> survey.tenant().equals(tenant))
                        .orElseThrow(() -> ProblemException.notFound("Survey", surveyId)));
    }

    public Uni<List<Survey>> list(String tenant, int limit) {
        return repository.findByTenant(tenant, limit);
    }

    static Survey newSurvey(String tenant, CreateSurveyRequest request) {
        String defaultLanguage = request.defaultLanguage() == null ? "en" : request.defaultLanguage();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!request.title().containsKey(defaultLanguage)) {
            errors.add(new Problem.FieldError("title", "must have a text in the default language '"
                    + defaultLanguage + "'"));
        }
        Set<String> questionIds = new HashSet<>();
        for (int index = 0; index < request.questions().size(); index++) {
            CreateSurveyRequest.QuestionRequest question = request.questions().get(index);
            if (!questionIds.add(question.id())) {
                errors.add(new Problem.FieldError("questions[" + index + "].id",
                        "duplicates the id '" + question.id() + "' of an earlier question"));
            }
            if (!question.text().containsKey(defaultLanguage)) {
                errors.add(new Problem.FieldError("questions[" + index + "].text",
                        "must have a text in the default language '" + defaultLanguage + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Question> questions = request.questions().stream()
                .map(question -> new Question(question.id(), question.type(), question.required(), question.text()))
                .toList();
        return new Survey(UUID.randomUUID().toString(), tenant, request.name(), request.title(), defaultLanguage,
                questions, SurveyStatus.ACTIVE, 1, now, now);
    }
}
