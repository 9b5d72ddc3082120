package io.hearken.survey.service;

import io.hearken.common.problem.ProblemException;
import io.hearken.survey.domain.CreateSurvey;
import io.hearken.survey.domain.RuleViolation;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.messaging.EventJournal;
import io.hearken.survey.repository.SurveyRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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

    public Uni<Survey> create(CreateSurvey command) {
        Survey survey;
        try {
            survey = Survey.create(command, Instant.now());
        } catch (RuleViolation violation) {
            return Uni.createFrom().failure(Violations.toProblem(violation));
        }
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
}
