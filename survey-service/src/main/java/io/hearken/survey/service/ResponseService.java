package io.hearken.survey.service;

import com.mongodb.MongoException;
import io.hearken.common.problem.ProblemException;
import io.hearken.survey.domain.IdempotencyKey;
import io.hearken.survey.domain.Invitation;
import io.hearken.survey.domain.Response;
import io.hearken.survey.domain.RuleViolation;
import io.hearken.survey.domain.SubmitResponse;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.domain.SurveyContent;
import io.hearken.survey.domain.SurveyVersion;
import io.hearken.survey.messaging.EventJournal;
import io.hearken.survey.repository.IdempotencyClaims;
import io.hearken.survey.repository.ResponseRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Accepts responses from every channel: checks them against the survey, then appends them to the response topic.
 * The response is kept once Kafka acknowledges it; the caller is answered only then.
 */
@ApplicationScoped
public class ResponseService {

    private final SurveyCatalog catalog;
    private final EventJournal journal;
    private final ResponseRepository repository;
    private final IdempotencyClaims claims;
    private final MeterRegistry metrics;
    private final InvitationService invitations;

    public ResponseService(SurveyCatalog catalog, EventJournal journal, ResponseRepository repository,
                           IdempotencyClaims claims, MeterRegistry metrics, InvitationService invitations) {
        this.invitations = invitations;
        this.catalog = catalog;
        this.journal = journal;
        this.repository = repository;
        this.claims = claims;
        this.metrics = metrics;
    }

    /**
     * Accepts a submission. With an {@code Idempotency-Key}, the key is claimed for this content first
     * ({@link IdempotencyClaims}): a retry of the same content gets the original receipt
     * ({@link Submission#replayed()}) and is appended again only if it is not stored yet (consumers keep an id once);
     * a different content is 422, however soon it follows and whatever MongoDB's projection has caught up with.
     */
    public Uni<Submission> submit(SubmitResponse submission) {
        if (submission.partial() && submission.idempotencyKey().isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalidField("Idempotency-Key",
                    "saved progress needs a key (or an invitation) to be resumed and completed by"));
        }
        return catalog.find(submission.surveyId())
                .onFailure(MongoException.class).transform(failure -> ProblemException.unavailable(
                        "Survey definitions cannot be read right now; nothing was kept.", 2))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Survey", submission.surveyId())))
                .chain(survey -> versionAnswered(survey, submission.surveyVersion())
                        .chain(version -> keep(accept(survey, version, submission, Instant.now()),
                                submission.idempotencyKey().isPresent())
                                .map(kept -> kept.closedBy(version))))
                .invoke(accepted -> metrics.counter("hearken.responses.accepted", "channel",
                        accepted.response().channel().wireName(), "replayed", String.valueOf(accepted.replayed()))
                        .increment())
                .onFailure(ProblemException.class).invoke(failure -> metrics.counter("hearken.responses.rejected",
                        "reason", ((ProblemException) failure).typeSlug()).increment());
    }

    /**
     * The progress saved under a key (or an invitation) to resume it: 404 when none is saved, 409 once it is
     * complete.
     */
    public Uni<Response> progress(Survey survey, Optional<IdempotencyKey> key) {
        String responseId = survey.responseIdFor(key);
        return repository.findById(survey.tenant(), responseId).map(found -> {
            Response saved = found.orElseThrow(() -> ProblemException.notFound("Saved progress", responseId));
            if (saved.completed()) {
                throw ProblemException.conflict("This response is complete already.");
            }
            return saved;
        });
    }

    private Uni<Submission> keep(Response response, boolean keyed) {
        return keyed ? submitOnce(response)
                : journal.append(response, false).replaceWith(new Submission(response, false, null));
    }

    /**
     * An accepted response, whether it was kept earlier under the same idempotency key, and the closing text its
     * answers lead to (null when the survey has none for them).
     */
    public record Submission(Response response, boolean replayed, SurveyContent.Closing closing) {

        Submission closedBy(SurveyVersion version) {
            return new Submission(response, replayed,
                    version.content().closingFor(response.answers(), response.language()).orElse(null));
        }
    }

    /** The published version a submission answers ({@code requested}, or the latest), or the caller's problem. */
    public Uni<SurveyVersion> versionAnswered(Survey survey, Integer requested) {
        int number;
        try {
            number = survey.versionAnswered(requested);
        } catch (RuleViolation violation) {
            return Uni.createFrom().failure(Violations.toProblem(violation));
        }
        return catalog.version(survey.id(), number)
                .onFailure(MongoException.class).transform(failure -> ProblemException.unavailable(
                        "Survey definitions cannot be read right now; nothing was kept.", 2))
                .map(found -> found.orElseThrow(() -> ProblemException.unavailable("Version " + number
                        + " of survey '" + survey.id() + "' is not readable yet; nothing was kept.", 1)));
    }

    /** The survey's verdict on a submission, as the response it makes or the caller's problem. */
    static Response accept(Survey survey, SurveyVersion version, SubmitResponse submission, Instant receivedAt) {
        try {
            return survey.respond(version, submission, receivedAt);
        } catch (RuleViolation violation) {
            throw Violations.toProblem(violation);
        }
    }

    private Uni<Submission> submitOnce(Response response) {
        String fingerprint = response.contentFingerprint();
        return claims.claim(response.tenant(), response.id(), fingerprint, response.submittedAt(),
                        !response.completed())
                .onFailure(MongoException.class).transform(failure -> ProblemException.unavailable(
                        "The Idempotency-Key cannot be checked right now; nothing was kept. Retry with the same "
                                + "Idempotency-Key.", 2))
                .chain(claim -> {
                    if (claim.first()) {
                        return journal.append(response, true).replaceWith(new Submission(response, false, null));
                    }
                    if (!claim.fingerprint().equals(fingerprint) && !response.completed()) {
                        throw ProblemException.conflict("This response is complete already; saved progress cannot "
                                + "change it.");
                    }
                    if (!claim.fingerprint().equals(fingerprint)) {
                        throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key already used",
                                "This Idempotency-Key was used for a different response of this survey; use a new "
                                        + "key for a new response.", List.of(), null);
                    }
                    Response original = response.withSubmittedAt(claim.submittedAt());
                    return isStored(original).chain(stored -> stored
                            ? Uni.createFrom().item(new Submission(original, true, null))
                            // The first attempt may have failed before the broker took it: append the original.
                            : journal.append(original, true).replaceWith(new Submission(original, true, null)));
                });
    }

    /** Whether the projection holds the response already; when MongoDB cannot say quickly, assume not. */
    private Uni<Boolean> isStored(Response response) {
        return repository.findById(response.tenant(), response.id())
                .map(Optional::isPresent)
                .ifNoItem().after(Duration.ofSeconds(1)).recoverWithItem(false)
                .onFailure().recoverWithItem(false);
    }

    /**
     * Accepts a submission that answers the invitation a link's token names: the invited customer answers (a
     * verified identity), with the invitation's hidden values, once; a retry of the same answers gets the original
     * receipt, different answers a 409.
     */
    public Uni<Submission> submitInvited(SubmitResponse submission, String token) {
        return invitations.resolve(token).chain(tracked -> {
            if (!tracked.invitation().surveyId().equals(submission.surveyId())) {
                return Uni.createFrom().failure(ProblemException.invalidField("invitation",
                        "is an invitation to another survey"));
            }
            return submitInvited(submission, tracked.invitation());
        });
    }

    /** Accepts a submission as the answer to {@code invitation} (see {@link #submitInvited(SubmitResponse, String)}). */
    public Uni<Submission> submitInvited(SubmitResponse submission, Invitation invitation) {
        return submit(invitation.answeredBy(submission))
                .onFailure(ProblemException.class).transform(failure -> {
                    ProblemException problem = (ProblemException) failure;
                    return "idempotency-key-reused".equals(problem.typeSlug())
                            ? new ProblemException(409, "invitation-used", "Invitation already answered",
                            "This invitation was answered already; it takes one response.", List.of(), null)
                            : problem;
                });
    }

    public Uni<Response> get(String tenant, String responseId) {
        return repository.findById(tenant, responseId)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Response", responseId)));
    }

    /** A page of the survey's responses (oldest first, after the listing token {@code after}). */
    public Uni<List<Response>> listForSurvey(String tenant, String surveyId, ResponseRepository.Filter filter,
                                             String after, int limit) {
        return repository.findBySurvey(tenant, surveyId, filter, ListingCursor.decode(after), limit);
    }

    public Uni<Long> countForSurvey(String tenant, String surveyId, ResponseRepository.Filter filter) {
        return repository.countBySurvey(tenant, surveyId, filter);
    }

    /** Every matching response as a stream, for an export whose memory does not grow with the survey. */
    public Multi<Response> streamForSurvey(String tenant, String surveyId, ResponseRepository.Filter filter) {
        return repository.streamBySurvey(tenant, surveyId, filter);
    }

}
