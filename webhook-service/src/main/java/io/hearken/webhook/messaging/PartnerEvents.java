package io.hearken.webhook.messaging;

import io.hearken.common.consumer.PermanentEventFailure;
import io.hearken.common.events.AlertRaised;
import io.hearken.common.events.CaseResolved;
import io.hearken.common.events.EventRecords;
import io.hearken.common.events.EventTypes;
import io.hearken.common.events.FeedbackReceived;
import io.hearken.common.events.ProfileErased;
import io.hearken.common.events.ProfileMerged;
import io.hearken.common.events.ResponseSubmitted;
import io.hearken.common.events.Topics;
import io.hearken.webhook.domain.EventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Maps the platform's CloudEvents to what partners are told (docs/webhooks.md): ids, scores, states and times, never
 * a respondent's words, name or contact details, so a payload holds no personal data a partner did not send. A
 * record of a type partners are not told about maps to nothing.
 */
final class PartnerEvents {

    private PartnerEvents() {
    }

    static List<PartnerEvent> of(ConsumerRecord<byte[], byte[]> record) {
        String type = EventRecords.type(record);
        switch (record.topic()) {
            case Topics.RESPONSES:
                return response(EventRecords.readResponse(record));
            case Topics.FEEDBACK:
                return List.of(feedback(EventRecords.readFeedback(record)));
            case Topics.ALERTS:
                if (EventTypes.ALERT_RAISED.equals(type)) {
                    return alert(EventRecords.id(record), read(record, AlertRaised.class, type));
                }
                if (EventTypes.CASE_RESOLVED.equals(type)) {
                    return List.of(caseResolved(EventRecords.id(record), read(record, CaseResolved.class, type)));
                }
                return List.of();
            case Topics.PROFILES:
                if (EventTypes.PROFILE_MERGED.equals(type)) {
                    return List.of(merged(read(record, ProfileMerged.class, type)));
                }
                if (EventTypes.PROFILE_ERASED.equals(type)) {
                    return List.of(erased(EventRecords.readErasure(record)));
                }
                return List.of();
            default:
                return List.of();
        }
    }

    private static <T> T read(ConsumerRecord<byte[], byte[]> record, Class<T> data, String type) {
        T event = EventRecords.read(record, data, Set.of(type));
        if (event == null) {
            throw new PermanentEventFailure(type + " without data");
        }
        return event;
    }

    private static List<PartnerEvent> response(ResponseSubmitted response) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("responseId", response.responseId());
        data.put("surveyId", response.surveyId());
        data.put("surveyVersion", response.surveyVersion());
        data.put("channel", response.channel());
        data.put("language", response.language());
        data.put("touchpoint", response.touchpoint());
        data.put("journeyStage", response.journeyStage());
        data.put("invitationId", response.invitationId());
        data.put("completed", Boolean.TRUE.equals(response.completed()));
        data.put("submittedAt", text(response.submittedAt()));
        List<Map<String, Object>> scores = new ArrayList<>();
        for (ResponseSubmitted.AnswerValue answer : response.answers() == null
                ? List.<ResponseSubmitted.AnswerValue>of() : response.answers()) {
            if (answer.score() != null) {
                Map<String, Object> score = new LinkedHashMap<>();
                score.put("questionId", answer.questionId());
                score.put("type", answer.type());
                score.put("score", answer.score());
                score.put("scaleMin", answer.scaleMin());
                score.put("scaleMax", answer.scaleMax());
                scores.add(score);
            }
        }
        data.put("scores", scores);
        List<PartnerEvent> events = new ArrayList<>(2);
        // Saved progress and the completed response share the response's id as their event id; the partial and
        // the complete submission are two messages, a progress saved again is the same partial one.
        boolean completed = Boolean.TRUE.equals(response.completed());
        events.add(new PartnerEvent(response.tenant(), response.responseId() + (completed ? ":complete" : ":partial"),
                EventType.RESPONSE_SUBMITTED, response.submittedAt(), data));
        if (completed) {
            events.add(new PartnerEvent(response.tenant(), response.responseId(), EventType.RESPONSE_COMPLETED,
                    response.submittedAt(), data));
        }
        return events;
    }

    private static PartnerEvent feedback(FeedbackReceived feedback) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("feedbackId", feedback.feedbackId());
        data.put("source", feedback.source());
        data.put("externalId", feedback.externalId());
        data.put("rating", feedback.rating());
        data.put("ratingMax", feedback.ratingMax());
        data.put("language", feedback.language());
        data.put("postedAt", text(feedback.postedAt()));
        data.put("receivedAt", text(feedback.receivedAt()));
        return new PartnerEvent(feedback.tenant(), feedback.feedbackId(), EventType.FEEDBACK_RECEIVED,
                feedback.receivedAt(), data);
    }

    private static List<PartnerEvent> alert(String eventId, AlertRaised alert) {
        String id = Objects.requireNonNullElse(eventId, alert.alertId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", alert.alertId());
        data.put("caseId", alert.caseId());
        data.put("ruleId", alert.ruleId());
        data.put("ruleName", alert.ruleName());
        data.put("type", alert.type());
        data.put("priority", alert.priority());
        data.put("surveyId", alert.surveyId());
        data.put("responseId", alert.responseId());
        data.put("raisedAt", text(alert.raisedAt()));
        data.put("slaDeadline", text(alert.slaDeadline()));
        List<PartnerEvent> events = new ArrayList<>(2);
        events.add(new PartnerEvent(alert.tenant(), id, EventType.ALERT_RAISED, alert.raisedAt(), data));
        if (alert.caseId() != null) {
            Map<String, Object> opened = new LinkedHashMap<>();
            opened.put("caseId", alert.caseId());
            opened.put("alertId", alert.alertId());
            opened.put("ruleName", alert.ruleName());
            opened.put("priority", alert.priority());
            opened.put("surveyId", alert.surveyId());
            opened.put("responseId", alert.responseId());
            opened.put("openedAt", text(alert.raisedAt()));
            opened.put("slaDeadline", text(alert.slaDeadline()));
            events.add(new PartnerEvent(alert.tenant(), id, EventType.CASE_OPENED, alert.raisedAt(), opened));
        }
        return events;
    }

    private static PartnerEvent caseResolved(String eventId, CaseResolved resolved) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", resolved.caseId());
        data.put("alertId", resolved.alertId());
        data.put("ruleName", resolved.ruleName());
        data.put("priority", resolved.priority());
        data.put("responseId", resolved.responseId());
        data.put("outcome", resolved.outcome());
        data.put("rootCause", resolved.rootCause());
        data.put("resolvedAt", text(resolved.resolvedAt()));
        return new PartnerEvent(resolved.tenant(),
                Objects.requireNonNullElse(eventId, CaseResolved.eventIdFor(resolved.caseId())),
                EventType.CASE_RESOLVED, resolved.resolvedAt(), data);
    }

    private static PartnerEvent merged(ProfileMerged merged) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("survivorId", merged.survivorId());
        data.put("mergedId", merged.mergedId());
        data.put("mergedAt", text(merged.mergedAt()));
        return new PartnerEvent(merged.tenant(), merged.mergeId(), EventType.PROFILE_MERGED, merged.mergedAt(), data);
    }

    private static PartnerEvent erased(ProfileErased erased) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("profileId", erased.profileId());
        data.put("erasedAt", text(erased.erasedAt()));
        return new PartnerEvent(erased.tenant(), erased.erasureId(), EventType.PROFILE_ERASED, erased.erasedAt(),
                data);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
