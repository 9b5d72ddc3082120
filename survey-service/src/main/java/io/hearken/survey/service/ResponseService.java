package io.hearken.survey.service;

import com.mongodb.MongoException;
import io.hearken.common.events.ResponseSubmitted;
import io.hearken.common.problem.Problem;
import io.hearken.common.problem.ProblemException;
import io.hearken.survey.domain.Channel;
import io.hearken.survey.domain.Question;
import io.hearken.survey.domain.QuestionType;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.domain.SurveyStatus;
import io.hearken.survey.messaging.EventJournal;
import io.hearken.survey.repository.IdempotencyClaims;
import io.hearken.survey.repository.ResponseRepository;
import io.hearken.survey.rest.SubmitResponseRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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

    public ResponseService(SurveyCatalog catalog, EventJournal journal, ResponseRepository repository,
                           IdempotencyClaims claims, MeterRegistry metrics) {
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
    public Uni<Submission> submit(String surveyId, String idempotencyKey, SubmitResponseRequest request) {
        return catalog.find(surveyId)
                .onFailure(MongoException.class).transform(failure -> ProblemException.unavailable(
                        "Survey definitions cannot be read right now; nothing was kept.", 2))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Survey", surveyId)))
                .map(survey -> accept(survey, idempotencyKey, request, Instant.now()))
                .chain(response -> idempotencyKey == null
                        ? journal.append(response, false).replaceWith(new Submission(response, false))
                        : submitOnce(response))
                .invoke(submission -> metrics.counter("hearken.responses.accepted", "channel",
                        submission.response().channel(), "replayed", String.valueOf(submission.replayed()))
                        .increment())
                .onFailure(ProblemException.class).invoke(failure -> metrics.counter("hearken.responses.rejected",
                        "reason", ((ProblemException) failure).typeSlug()).increment());
    }

    /** An accepted response, and whether it was kept earlier under the same idempotency key. */
    public record Submission(ResponseSubmitted response, boolean replayed) {
    }

    private Uni<Submission> submitOnce(ResponseSubmitted response) {
        return claims.claim(response.tenant(), response.responseId(), fingerprint(response), response.submittedAt())
                .onFailure(MongoException.class).transform(failure -> ProblemException.unavailable(
                        "The Idempotency-Key cannot be checked right now; nothing was kept. Retry with the same "
                                + "Idempotency-Key.", 2))
                .chain(claim -> {
                    if (claim.first()) {
                        return journal.append(response, true).replaceWith(new Submission(response, false));
                    }
                    if (!claim.fingerprint().equals(fingerprint(response))) {
                        throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key already used",
                                "This Idempotency-Key was used for a different response of this survey; use a new "
                                        + "key for a new response.", List.of(), null);
                    }
                    ResponseSubmitted original = response.withSubmittedAt(claim.submittedAt());
                    return isStored(original).chain(stored -> stored
                            ? Uni.createFrom().item(new Submission(original, true))
                            // The first attempt may have failed before the broker took it: append the original.
                            : journal.append(original, true).replaceWith(new Submission(original, true)));
                });
    }

    /** Whether the projection holds the response already; when MongoDB cannot say quickly, assume not. */
    private Uni<Boolean> isStored(ResponseSubmitted response) {
        return repository.findById(response.tenant(), response.responseId())
                .map(Optional::isPresent)
                .ifNoItem().after(Duration.ofSeconds(1)).recoverWithItem(false)
                .onFailure().recoverWithItem(false);
    }

    /**
     * What a submission says, whatever the order of its answers, as a SHA-256 hex string: two submissions with one
     * key are the same retry exactly when their fingerprints are equal.
     */
    static String fingerprint(ResponseSubmitted response) {
        ResponseSubmitted.Respondent respondent = response.respondent() == null
                ? new ResponseSubmitted.Respondent(null, null, null) : response.respondent();
        List<String> parts = new ArrayList<>(List.of(String.valueOf(response.channel()),
                String.valueOf(response.language()), String.valueOf(respondent.email()),
                String.valueOf(respondent.phone()), String.valueOf(respondent.customerId())));
        response.answers().stream()
                .map(answer -> answer.questionId() + "=" + answer.type() + ":" + answer.score() + ":" + answer.text())
                .sorted()
                .forEach(parts::add);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    public Uni<ResponseSubmitted> get(String tenant, String responseId) {
        return repository.findById(tenant, responseId)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Response", responseId)));
    }

    public Uni<List<ResponseSubmitted>> listForSurvey(String tenant, String surveyId, int offset, int limit) {
        return repository.findBySurvey(tenant, surveyId, offset, limit);
    }

    /** Validates a submission against its survey and builds the event; throws a 400/409 problem if it is wrong. */
    static ResponseSubmitted accept(Survey survey, String idempotencyKey, SubmitResponseRequest request,
                                    Instant receivedAt) {
        if (survey.status() != SurveyStatus.ACTIVE) {
            throw ProblemException.conflict("Survey '" + survey.id() + "' is closed and takes no responses.");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Channel channel = Channel.fromWireName(request.channel()).orElse(null);
        if (channel == null) {
            errors.add(new Problem.FieldError("channel", "must be one of " + Channel.allWireNames()));
        }
        List<ResponseSubmitted.AnswerValue> answers = new ArrayList<>();
        for (Map.Entry<String, Object> answer : request.answers().entrySet()) {
            Question question = survey.question(answer.getKey()).orElse(null);
            if (question == null) {
                errors.add(new Problem.FieldError("answers." + answer.getKey(), "is not a question of this survey"));
                continue;
            }
            if (answer.getValue() == null) {
                continue;
            }
            String problem = checkAnswer(question.type(), answer.getValue());
            if (problem != null) {
                errors.add(new Problem.FieldError("answers." + answer.getKey(), problem));
            } else if (question.type().isScale()) {
                answers.add(new ResponseSubmitted.AnswerValue(question.id(), question.type().name(),
                        ((Number) answer.getValue()).intValue(), null));
            } else {
                answers.add(new ResponseSubmitted.AnswerValue(question.id(), question.type().name(), null,
                        (String) answer.getValue()));
            }
        }
        for (Question question : survey.questions()) {
            if (question.required() && request.answers().get(question.id()) == null) {
                errors.add(new Problem.FieldError("answers." + question.id(), "is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        String language = request.language() == null ? survey.defaultLanguage() : request.language();
        SubmitResponseRequest.Respondent respondent = request.respondent();
        return new ResponseSubmitted(
                responseId(survey, idempotencyKey),
                survey.id(),
                survey.tenant(),
                channel.wireName(),
                language,
                respondent == null ? null : new ResponseSubmitted.Respondent(
                        respondent.email() == null ? null : respondent.email().trim().toLowerCase(),
                        respondent.phone(), respondent.customerId()),
                answers,
                receivedAt.truncatedTo(ChronoUnit.MILLIS));
    }

    static String checkAnswer(QuestionType type, Object value) {
        if (type.isScale()) {
            if (!(value instanceof Integer || value instanceof Long)) {
                return "must be a whole number from " + type.minScore() + " to " + type.maxScore();
            }
            long score = ((Number) value).longValue();
            if (score < type.minScore() || score > type.maxScore()) {
                return "must be from " + type.minScore() + " to " + type.maxScore() + ", was " + score;
            }
            return null;
        }
        if (!(value instanceof String text)) {
            return "must be text";
        }
        if (text.length() > QuestionType.MAX_TEXT_LENGTH) {
            return "must be at most " + QuestionType.MAX_TEXT_LENGTH + " characters";
        }
        return null;
    }

    /**
     * The same idempotency key for the same survey always yields the same response id, so a retried submission
     * becomes the same event and is kept once; without a key every submission is new.
     */
    static String responseId(Survey survey, String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        String name = survey.tenant() + "/" + survey.id() + "/" + idempotencyKey;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
