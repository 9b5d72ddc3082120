package io.hearken.survey.messaging;

import io.hearken.common.events.EventTypes;
import io.hearken.common.events.FeedbackReceived;
import io.hearken.common.events.InvitationEvent;
import io.hearken.common.events.ResponseSubmitted;
import io.hearken.common.http.RequestIdFilter;
import io.hearken.common.problem.ProblemException;
import io.hearken.survey.config.SurveyServiceConfig;
import io.hearken.survey.domain.Feedback;
import io.hearken.survey.domain.Invitation;
import io.hearken.survey.domain.InvitationUpdate;
import io.hearken.survey.domain.Response;
import io.hearken.survey.domain.Survey;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadataBuilder;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.MDC;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Appends survey-service's events to Kafka and completes only when the broker has acknowledged them (acks=all,
 * idempotent producer). This append is the one write of a submission: when it completes the response is kept.
 */
@ApplicationScoped
public class EventJournal {

    private final MutinyEmitter<ResponseSubmitted> responses;
    private final MutinyEmitter<Object> surveys;
    private final MutinyEmitter<FeedbackReceived> feedback;
    private final MutinyEmitter<InvitationEvent> invitations;
    private final SurveyServiceConfig config;

    public EventJournal(@Channel("responses-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192)
                        MutinyEmitter<ResponseSubmitted> responses,
                        @Channel("surveys-out") MutinyEmitter<Object> surveys,
                        @Channel("feedback-out") MutinyEmitter<FeedbackReceived> feedback,
                        @Channel("invitations-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192)
                        MutinyEmitter<InvitationEvent> invitations,
                        SurveyServiceConfig config) {
        this.responses = responses;
        this.surveys = surveys;
        this.feedback = feedback;
        this.invitations = invitations;
        this.config = config;
    }

    /**
     * Appends a response; {@code keyed} says whether the client sent an Idempotency-Key, so the 503 it may get asks
     * for a retry with that key only when there is one.
     */
    public Uni<Void> append(Response response, boolean keyed) {
        ResponseSubmitted event = ResponseEvents.toEvent(response);
        Message<ResponseSubmitted> message = cloudEvent(event, response.id(),
                EventTypes.RESPONSE_SUBMITTED, response.surveyId(), response.submittedAt(), response.tenant(),
                response.id());
        return acknowledged(Uni.createFrom().deferred(() -> responses.sendMessage(message)),
                "response " + response.id(), keyed
                        ? "Retry with the same Idempotency-Key: it is kept once either way."
                        : "Send an Idempotency-Key with your submissions so that such a retry is kept once.");
    }

    /** Appends unsolicited feedback; a retry appends the same id, which consumers keep once. */
    public Uni<Void> append(Feedback item) {
        Message<FeedbackReceived> message = cloudEvent(FeedbackEvents.toEvent(item), item.id(),
                EventTypes.FEEDBACK_RECEIVED, item.source() + "/" + item.externalId(), item.receivedAt(),
                item.tenant(), item.id());
        return acknowledged(Uni.createFrom().deferred(() -> feedback.sendMessage(message)), "feedback " + item.id(),
                "Retry: the same source and externalId are kept once.");
    }

    /** Appends a new invitation: once acknowledged, it will be sent (the sender reads this topic). */
    public Uni<Void> append(Invitation invitation) {
        Message<InvitationEvent> message = cloudEvent(InvitationEvents.created(invitation), invitation.id(),
                EventTypes.INVITATION_CREATED, invitation.surveyId(), invitation.createdAt(), invitation.tenant(),
                invitation.id());
        return acknowledged(Uni.createFrom().deferred(() -> invitations.sendMessage(message)),
                "invitation " + invitation.id(), "Retry: nothing of this distribution is sent twice.");
    }

    /** Appends a status change of an invitation (keyed like the invitation, so it follows it in order). */
    public Uni<Void> append(InvitationUpdate change) {
        Message<InvitationEvent> message = cloudEvent(InvitationEvents.updated(change),
                change.invitationId() + ":" + change.status(), EventTypes.INVITATION_UPDATED, change.surveyId(),
                change.at(), change.tenant(), change.invitationId());
        return acknowledged(Uni.createFrom().deferred(() -> invitations.sendMessage(message)),
                "invitation " + change.invitationId(), "Retry.");
    }

    /**
     * Appends a survey change: the version it published first (so the state never names a version the topic does
     * not hold), then the survey's new state.
     */
    public Uni<Void> append(Survey.Change change) {
        Survey survey = change.survey();
        Uni<Void> version = change.published()
                .map(published -> append(SurveyEvents.SurveyVersionPublished.of(published),
                        SurveyEvents.versionKey(published), EventTypes.SURVEY_VERSION_PUBLISHED, survey,
                        SurveyEvents.versionKey(published)))
                .orElseGet(() -> Uni.createFrom().voidItem());
        return version.chain(() -> append(SurveyEvents.SurveyChanged.of(survey),
                survey.id() + ":" + survey.revision(), EventTypes.SURVEY_CHANGED, survey, survey.id()));
    }

    private Uni<Void> append(Object data, String eventId, String type, Survey survey, String key) {
        Message<Object> message = cloudEvent(data, eventId, type, survey.id(), survey.updatedAt(), survey.tenant(),
                key);
        return acknowledged(Uni.createFrom().deferred(() -> surveys.sendMessage(message)), "survey " + survey.id(),
                "Retry: a survey change is kept by its id and revision.");
    }

    /** A CloudEvent in Kafka binary mode: attributes as ce_* headers, the tenant as an extension, keyed by key. */
    private static <T> Message<T> cloudEvent(T data, String id, String type, String subject, Instant time,
                                             String tenant, String key) {
        OutgoingCloudEventMetadataBuilder<T> metadata = OutgoingCloudEventMetadata.<T>builder()
                .withId(id)
                .withType(type)
                .withSubject(subject)
                .withTimestamp(time.atZone(ZoneOffset.UTC))
                .withExtension(EventTypes.TENANT_EXTENSION, tenant);
        // The request that caused the event, so its consumers' log lines carry the gateway's request id too
        Object requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            metadata = metadata.withExtension(EventTypes.REQUEST_ID_EXTENSION, requestId.toString());
        }
        return Message.of(data)
                .addMetadata(metadata.build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    }

    private Uni<Void> acknowledged(Uni<Void> send, String what, String retryAdvice) {
        return send
                .ifNoItem().after(config.journal().ackTimeout()).fail()
                .onFailure().transform(failure -> {
                    Log.warnf("Kafka did not acknowledge %s: %s", what, failure.toString());
                    return ProblemException.unavailable(
                            "The event store did not confirm the write in time, so it may or may not be kept. "
                                    + retryAdvice,
                            config.journal().retryAfterSeconds());
                });
    }
}
