package io.hearken.survey.messaging;

import io.hearken.common.events.EventTypes;
import io.hearken.common.events.ResponseSubmitted;
import io.hearken.common.problem.ProblemException;
import io.hearken.survey.config.SurveyServiceConfig;
import io.hearken.survey.domain.Survey;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.time.ZoneOffset;

/**
 * Appends survey-service's events to Kafka and completes only when the broker has acknowledged them (acks=all,
 * idempotent producer). This append is the one write of a submission: when it completes the response is kept.
 */
@ApplicationScoped
public class EventJournal {

    private final MutinyEmitter<ResponseSubmitted> responses;
    private final MutinyEmitter<Survey> surveys;
    private final SurveyServiceConfig config;

    public EventJournal(@Channel("responses-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192)
                        MutinyEmitter<ResponseSubmitted> responses,
                        @Channel("surveys-out") MutinyEmitter<Survey> surveys,
                        SurveyServiceConfig config) {
        this.responses = responses;
        this.surveys = surveys;
        this.config = config;
    }

    public Uni<Void> append(ResponseSubmitted response) {
        OutgoingCloudEventMetadata<ResponseSubmitted> cloudEvent = OutgoingCloudEventMetadata
                .<ResponseSubmitted>builder()
                .withId(response.responseId())
                .withType(EventTypes.RESPONSE_SUBMITTED)
                .withSubject(response.surveyId())
                .withTimestamp(response.submittedAt().atZone(ZoneOffset.UTC))
                .withExtension(EventTypes.TENANT_EXTENSION, response.tenant())
                .build();
        Message<ResponseSubmitted> message = Message.of(response)
                .addMetadata(cloudEvent)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(response.responseId()).build());
        return acknowledged(Uni.createFrom().deferred(() -> responses.sendMessage(message)), "response " + response.responseId());
    }

    public Uni<Void> append(Survey survey) {
        OutgoingCloudEventMetadata<Survey> cloudEvent = OutgoingCloudEventMetadata.<Survey>builder()
                .withId(survey.id() + ":" + survey.version())
                .withType(EventTypes.SURVEY_PUBLISHED)
                .withSubject(survey.id())
                .withTimestamp(survey.updatedAt().atZone(ZoneOffset.UTC))
                .withExtension(EventTypes.TENANT_EXTENSION, survey.tenant())
                .build();
        Message<Survey> message = Message.of(survey)
                .addMetadata(cloudEvent)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(survey.id()).build());
        return acknowledged(Uni.createFrom().deferred(() -> surveys.sendMessage(message)), "survey " + survey.id());
    }

    private Uni<Void> acknowledged(Uni<Void> send, String what) {
        return send
                .ifNoItem().after(config.journal().ackTimeout()).fail()
                .onFailure().transform(failure -> {
                    Log.warnf("Kafka did not acknowledge %s: %s", what, failure.toString());
                    return ProblemException.unavailable(
                            "The event store did not confirm the write in time, so it may or may not be kept. Retry "
                                    + "with the same Idempotency-Key: it is kept once either way.",
                            config.journal().retryAfterSeconds());
                });
    }
}
