package io.hearken.survey.service;

import com.mongodb.MongoException;
import io.hearken.common.problem.ProblemException;
import io.hearken.survey.config.SurveyServiceConfig;
import io.hearken.survey.domain.CreateSurvey;
import io.hearken.survey.domain.ReviseSurvey;
import io.hearken.survey.domain.RuleViolation;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.domain.SurveyStatus;
import io.hearken.survey.domain.SurveyVersion;
import io.hearken.survey.messaging.EventJournal;
import io.hearken.survey.repository.RevisionClaims;
import io.hearken.survey.repository.SurveyRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Creates, revises, publishes, pauses, resumes and closes surveys, and reads them. A change is kept once Kafka has
 * it; MongoDB follows. Each change first claims the revision it writes ({@link RevisionClaims}), so two designers
 * changing one survey at once never both believe they succeeded.
 */
@ApplicationScoped
public class SurveyService {

    private static final Duration READ_YOUR_WRITE_TIMEOUT = Duration.ofSeconds(2);

    private final EventJournal journal;
    private final SurveyRepository repository;
    private final SurveyCatalog catalog;
    private final RevisionClaims revisions;
    private final Duration staleClaim;

    public SurveyService(EventJournal journal, SurveyRepository repository, SurveyCatalog catalog,
                         RevisionClaims revisions, SurveyServiceConfig config) {
        this.journal = journal;
        this.repository = repository;
        this.catalog = catalog;
        this.revisions = revisions;
        // Longer than any append may take (the producer's delivery timeout is below the journal's ack timeout).
        this.staleClaim = config.journal().ackTimeout().multipliedBy(2);
    }

    public Uni<Survey.Change> create(CreateSurvey command) {
        return decided(() -> Survey.create(command, Instant.now())).chain(this::commit);
    }

    /** Applies a command to the tenant's survey: revise, publish, pause, resume or close. */
    public Uni<Survey.Change> change(String tenant, String surveyId, Function<Survey, Survey.Change> command) {
        return get(tenant, surveyId)
                .chain(survey -> decided(() -> command.apply(survey)))
                .call(change -> revisions.claim(surveyId, change.survey().revision(), Instant.now(), staleClaim)
                        .onFailure(MongoException.class).transform(failure -> ProblemException.unavailable(
                                "The survey cannot be changed right now; nothing was changed.", 2))
                        .invoke(claimed -> {
                            if (!claimed) {
                                throw ProblemException.conflict("Survey '" + surveyId + "' was changed by someone "
                                        + "else at the same moment; reload it and try again.");
                            }
                        }))
                .chain(this::commit);
    }

    public Uni<Survey> get(String tenant, String surveyId) {
        return repository.findById(surveyId)
                .map(found -> found.filter(survey -> survey.tenant().equals(tenant))
                        .orElseThrow(() -> ProblemException.notFound("Survey", surveyId)));
    }

    /** The survey and its latest published version (empty before the first). */
    public Uni<Survey.Change> getWithLatestVersion(String tenant, String surveyId) {
        return get(tenant, surveyId).chain(this::withLatestVersion);
    }

    /** A survey after a change, with its latest published version (which the change may not have made). */
    public Uni<Survey.Change> withLatestVersion(Survey.Change change) {
        return change.published().isPresent() ? Uni.createFrom().item(change) : withLatestVersion(change.survey());
    }

    private Uni<Survey.Change> withLatestVersion(Survey survey) {
        return survey.publishedVersion() == 0
                ? Uni.createFrom().item(new Survey.Change(survey, Optional.empty()))
                : catalog.version(survey.id(), survey.publishedVersion())
                        .map(version -> new Survey.Change(survey, version));
    }

    public Uni<SurveyVersion> version(String tenant, String surveyId, int version) {
        return get(tenant, surveyId)
                .chain(survey -> catalog.version(surveyId, version))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Survey version",
                        surveyId + "/v" + version)));
    }

    /** A page of the tenant's surveys, newest first, after the listing token {@code after} ({@link ListingCursor}). */
    public Uni<List<Survey>> list(String tenant, SurveyStatus status, String nameContains, String after, int limit) {
        return repository.findByTenant(tenant, status, nameContains,
                ListingCursor.decode(ListingCursor.SURVEYS, after), limit);
    }

    private Uni<Survey.Change> commit(Survey.Change change) {
        return journal.append(change)
                // Also write MongoDB now, so the designer reads the change at once; if this fails the projector
                // writes it from the topic.
                .call(() -> readYourWrite(change))
                .invoke(() -> catalog.remember(change))
                .replaceWith(change);
    }

    private Uni<Void> readYourWrite(Survey.Change change) {
        Uni<Void> version = change.published().map(repository::save).orElseGet(() -> Uni.createFrom().voidItem());
        return version.chain(() -> repository.save(change.survey()))
                .ifNoItem().after(READ_YOUR_WRITE_TIMEOUT).fail()
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Survey %s is kept in Kafka; MongoDB will follow (%s)", change.survey().id(),
                            failure.toString());
                    return null;
                });
    }

    /** The domain's decision, or the caller's problem when a rule refuses it. */
    private static <T> Uni<T> decided(Supplier<T> decision) {
        try {
            return Uni.createFrom().item(decision.get());
        } catch (RuleViolation violation) {
            return Uni.createFrom().failure(Violations.toProblem(violation));
        }
    }
}
