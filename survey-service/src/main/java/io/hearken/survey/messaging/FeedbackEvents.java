package io.hearken.survey.messaging;

import io.hearken.common.events.FeedbackReceived;
import io.hearken.survey.domain.Feedback;

/** Maps domain {@link Feedback} to the {@code hearken.feedback.received.v1} contract and back. */
final class FeedbackEvents {

    private FeedbackEvents() {
    }

    static FeedbackReceived toEvent(Feedback feedback) {
        return new FeedbackReceived(feedback.id(), feedback.tenant(), feedback.source(), feedback.externalId(),
                feedback.author(), feedback.rating(), feedback.ratingMax(), feedback.text(), feedback.url(),
                feedback.language(), feedback.postedAt(), feedback.receivedAt());
    }

    static Feedback fromEvent(FeedbackReceived event) {
        return new Feedback(event.feedbackId(), event.tenant(), event.source(), event.externalId(), event.author(),
                event.rating(), event.ratingMax(), event.text(), event.url(), event.language(), event.postedAt(),
                event.receivedAt());
    }
}
