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
import io.hearken.survey.domain.SurveySettings;
import io.hearken.survey.domain.SurveyVersion;
import io.hearken.survey.messaging.EventJournal;
import io.hearken.survey.repository.IdempotencyClaims;
import io.hearken.survey.repository.QuotaCounters;
import io.hearken.survey.repository.ResponseRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

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
    private final QuotaCounters quotaCounters;

    public ResponseService(SurveyCatalog catalog, EventJournal journal, ResponseRepository repository,
                           IdempotencyClaims claims, MeterRegistry metrics, InvitationService invitations,
                           QuotaCounters quotaCounters) {
        this.quotaCounters = quotaCounters;
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
                        .chain(version -> {
                            SubmitResponse once = oncePerRespondent(version, submission);
                            return keep(accept(survey, version, once, Instant.now()),
                                    once.idempotencyKey().isPresent(), version)
                                    .map(kept -> kept.closedBy(version))
                                    .onFailure(ProblemException.class).transform(failure ->
                                            once == submission ? failure : alreadyAnswered((ProblemException) failure));
                        }))
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

    private Uni<Submission> keep(Response response, boolean keyed, SurveyVersion version) {
        return keyed ? submitOnce(response, version)
                : withinQuotas(response, version, null,
                () -> journal.append(response, false).replaceWith(new Submission(response, false, null)));
    }

    /**
     * A survey that takes one response per respondent keys a submission by its respondent (customer id, else email,
     * else phone) instead of the client's key: a second response with other answers is then refused. An invitation
     * is keyed by the invitation already; an anonymous respondent is not limited.
     */
    private static SubmitResponse oncePerRespondent(SurveyVersion version, SubmitResponse submission) {
        if (!version.content().settingsOrNone().isOnePerRespondent() || submission.invitationId() != null) {
            return submission;
        }
        return SurveySettings.respondentKey(submission.respondent())
                .map(key -> new SubmitResponse(submission.surveyId(), submission.surveyVersion(), Optional.of(key),
                        submission.channel(), submission.language(), submission.touchpoint(),
                        submission.journeyStage(), submission.respondent(), submission.answers(),
                        submission.context(), submission.answeredAt(), submission.invitationId(),
                        submission.partial()))
                .orElse(submission);
    }

    private static ProblemException alreadyAnswered(ProblemException problem) {
        return "idempotency-key-reused".equals(problem.typeSlug())
                ? new ProblemException(409, "already-answered", "Already answered",
                "This survey takes one response per customer, and this customer answered it already.", List.of(),
                null)
                : problem;
    }

    /**
     * Keeps a complete response only if every quota it counts towards has a place left: a full quota refuses it
     * (STOP: 409) or screens it out (REDIRECT: not kept, the respondent reads the quota's ending). Places are taken
     * before the append, so a quota never takes more than its limit; a response whose append then fails keeps its
     * place (the count may end a little under the limit, never over). A refused keyed response gives its claim
     * back, so its key stays usable.
     */
    private Uni<Submission> withinQuotas(Response response, SurveyVersion version, String claimedId,
                                         Supplier<Uni<Submission>> append) {
        List<SurveySettings.Quota> quotas = response.completed()
                ? version.content().settingsOrNone().quotasFor(response.answers()) : List.of();
        if (quotas.isEmpty()) {
            return append.get();
        }
        return takePlaces(response.surveyId(), quotas, 0).chain(full -> {
            if (full == null) {
                return append.get();
            }
            Uni<Void> release = claimedId == null ? Uni.createFrom().voidItem()
                    : claims.release(response.tenant(), claimedId);
            return release.map(ignored -> {
                if (full.action() == SurveySettings.QuotaAction.STOP) {
                    throw new ProblemException(409, "quota-full", "Quota full", "This survey has all the "
                            + "responses it needs" + " (quota '" + full.id() + "'); thank you.", List.of(), null);
                }
                return new Submission(response, false, version.content()
                        .closing(full.endingId(), response.language()).orElse(null), true);
            });
        });
    }

    /** Takes a place in each quota in turn; the first full one (places taken before it given back), or null. */
    private Uni<SurveySettings.Quota> takePlaces(String surveyId, List<SurveySettings.Quota> quotas, int from) {
        if (from == quotas.size()) {
            return Uni.createFrom().nullItem();
        }
        SurveySettings.Quota quota = quotas.get(from);
        return quotaCounters.take(surveyId, quota.id(), quota.limit())
                .onFailure(MongoException.class).transform(failure -> ProblemException.unavailable(
                        "Quotas cannot be checked right now; nothing was kept.", 2))
                .chain(taken -> taken ? takePlaces(surveyId, quotas, from + 1)
                        .call(full -> full == null ? Uni.createFrom().voidItem()
                                : quotaCounters.giveBack(surveyId, quota.id()))
                        : Uni.createFrom().item(quota));
    }

    /**
     * An accepted response, whether it was kept earlier under the same idempotency key, and the closing text its
     * answers lead to (null when the survey has none for them).
     */
    public record Submission(Response response, boolean replayed, SurveyContent.Closing closing,
                             boolean screenedOut) {

        Submission(Response response, boolean replayed, SurveyContent.Closing closing) {
            this(response, replayed, closing, false);
        }

        Submission closedBy(SurveyVersion version) {
            return screenedOut ? this : new Submission(response, replayed,
                    version.content().closingFor(response.answers(), response.language()).orElse(null), false);
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

    private Uni<Submission> submitOnce(Response response, SurveyVersion version) {
        String fingerprint = response.contentFingerprint();
        return claims.claim(response.tenant(), response.id(), fingerprint, response.submittedAt(),
                        !response.completed())
                .onFailure(MongoException.class).transform(failure -> ProblemException.unavailable(
                        "The Idempotency-Key cannot be checked right now; nothing was kept. Retry with the same "
                                + "Idempotency-Key.", 2))
                .chain(claim -> {
                    if (claim.first()) {
                        return withinQuotas(response, version, response.id(), () -> journal.append(response, true)
                                .replaceWith(new Submission(response, false, null)));
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
        // Saved progress is stored under the same id as the complete response: only the complete one counts here
        // (found by the fault run: a completion whose first append failed was taken as stored, and never appended).
        return repository.findById(response.tenant(), response.id())
                .map(found -> found.filter(stored -> stored.completed() || !response.completed()).isPresent())
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

    /** The tenant's responses with these ids, across surveys, newest first (a customer's, as their profile lists). */
    public Uni<List<Response>> findByIds(String tenant, List<String> responseIds) {
        return repository.findByIds(tenant, responseIds);
    }

    /** A page of the survey's responses (oldest first, after the listing token {@code after}). */
    public Uni<List<Response>> listForSurvey(String tenant, String surveyId, ResponseRepository.Filter filter,
                                             String after, int limit) {
        return repository.findBySurvey(tenant, surveyId, filter,
                ListingCursor.decode(ListingCursor.RESPONSES, after), limit);
    }

    public Uni<Long> countForSurvey(String tenant, String surveyId, ResponseRepository.Filter filter) {
        return repository.countBySurvey(tenant, surveyId, filter);
    }

    /** Every matching response as a stream, for an export whose memory does not grow with the survey. */
    public Multi<Response> streamForSurvey(String tenant, String surveyId, ResponseRepository.Filter filter) {
        return repository.streamBySurvey(tenant, surveyId, filter);
    }

}
