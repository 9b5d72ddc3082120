package io.hearken.profile.messaging;

import io.hearken.common.events.CaseResolved;
import io.hearken.common.events.ChurnRiskAssessed;
import io.hearken.common.events.CustomerIdentities;
import io.hearken.common.events.FeedbackReceived;
import io.hearken.common.events.InvitationEvent;
import io.hearken.common.events.ResponseSubmitted;
import io.hearken.profile.domain.ChurnRiskTrait;
import io.hearken.profile.domain.Identity;
import io.hearken.profile.domain.IdentityClaim;
import io.hearken.profile.domain.IdentityKind;
import io.hearken.profile.domain.RecordTouchpoint;
import io.hearken.profile.domain.Touchpoint;
import io.hearken.profile.domain.Trust;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Maps the events profile-service reads to the touchpoints it records: the only place that knows the contracts. */
final class TimelineEvents {

    static final String FROM_INVITATION = "invitation";
    static final String FROM_FORM = "response-form";

    private TimelineEvents() {
    }

    /**
     * A response: verified identities when survey-service took them from a signed invitation, claimed when the
     * respondent typed them. An identity that cannot be one (not an email, not E.164) is left out, not the response.
     */
    static RecordTouchpoint response(ResponseSubmitted event) {
        ResponseSubmitted.Respondent respondent = event.respondent();
        boolean verified = respondent != null && Boolean.TRUE.equals(respondent.verified());
        List<Identity> identities = new ArrayList<>();
        if (respondent != null) {
            add(identities, IdentityKind.CUSTOMER_ID, respondent.customerId());
            add(identities, IdentityKind.EMAIL, respondent.email());
            add(identities, IdentityKind.PHONE, respondent.phone());
        }
        IdentityClaim claim = new IdentityClaim(identities, Trust.of(verified), verified ? FROM_INVITATION : FROM_FORM);
        List<ResponseSubmitted.AnswerValue> answers = event.answers() == null ? List.of() : event.answers();
        BigDecimal csat = answers.stream()
                .filter(answer -> "CSAT".equals(answer.type()) && answer.score() != null)
                .map(answer -> BigDecimal.valueOf(answer.score()))
                .findFirst().orElse(null);
        String comment = answers.stream()
                .filter(answer -> "TEXT".equals(answer.type()) && answer.text() != null)
                .map(ResponseSubmitted.AnswerValue::text)
                .findFirst().orElse(null);
        return new RecordTouchpoint(event.tenant(), event.responseId(), Touchpoint.RESPONSE, claim, event.channel(),
                event.journeyStage(), event.touchpoint(), event.surveyId(), event.responseId(), event.npsScore(), csat,
                comment, null, event.submittedAt());
    }

    /**
     * A new invitation: its recipient is verified (an admin or partner named them) and the touchpoint starts as
     * {@code invitation.scheduled}; status updates move it on.
     */
    static RecordTouchpoint invitation(InvitationEvent event) {
        List<Identity> identities = new ArrayList<>();
        add(identities, IdentityKind.CUSTOMER_ID, event.customerId());
        if ("sms".equals(event.channel())) {
            add(identities, IdentityKind.PHONE, event.address());
        } else {
            add(identities, IdentityKind.EMAIL, event.address());
        }
        return new RecordTouchpoint(event.tenant(), invitationSource(event.invitationId()), "invitation.scheduled",
                new IdentityClaim(identities, Trust.VERIFIED, FROM_INVITATION), event.channel(), null, null,
                event.surveyId(), null, null, null, null, event.campaignId(), event.createdAt());
    }

    /**
     * Unsolicited feedback (a review, a post, a ticket) joins a timeline when its author is an email or a phone:
     * claimed, since the author typed it on the platform the feedback came from; a screen name joins none.
     * The rating is kept as the touchpoint's detail, not as an NPS.
     */
    static RecordTouchpoint feedback(FeedbackReceived event) {
        List<Identity> identities = new ArrayList<>();
        add(identities, IdentityKind.EMAIL, event.author());
        if (identities.isEmpty()) {
            add(identities, IdentityKind.PHONE, event.author());
        }
        String rating = event.rating() == null ? null : event.rating() + "/" + event.ratingMax();
        return new RecordTouchpoint(event.tenant(), "feedback:" + event.feedbackId(), "feedback.received",
                new IdentityClaim(identities, Trust.CLAIMED, "feedback"), event.source(), null, null, null, null,
                null, null, event.text(), rating, event.postedAt() != null ? event.postedAt() : event.receivedAt());
    }

    /**
     * Whom an insight event is about, trusted as the response that started it was: verified identities from a
     * signed invitation, claimed ones typed on a form.
     */
    static IdentityClaim claim(CustomerIdentities customer) {
        if (customer == null) {
            return new IdentityClaim(List.of(), Trust.CLAIMED, FROM_FORM);
        }
        List<Identity> identities = new ArrayList<>();
        add(identities, IdentityKind.CUSTOMER_ID, customer.customerId());
        add(identities, IdentityKind.EMAIL, customer.email());
        add(identities, IdentityKind.PHONE, customer.phone());
        return new IdentityClaim(identities, Trust.of(customer.verified()),
                customer.verified() ? FROM_INVITATION : FROM_FORM);
    }

    /**
     * A follow-up case resolved: on the timeline as {@code case.resolved} at the resolution's time, the outcome, root
     * cause, rule and priority as its detail, the response that raised it as its response; no channel, since it is
     * the tenant's record of a follow-up rather than a contact from the customer.
     */
    static RecordTouchpoint caseResolved(String eventId, CaseResolved event) {
        String detail = event.outcome() + ": " + event.rootCause() + " (rule " + event.ruleName() + ", "
                + event.priority() + ", resolved by " + event.resolvedBy() + ")";
        return new RecordTouchpoint(event.tenant(), eventId, Touchpoint.CASE_RESOLVED, claim(event.customer()), null,
                null, null, null, event.responseId(), null, null, null, detail, event.resolvedAt());
    }

    /** A churn risk assessment as the trait keeps it. */
    static ChurnRiskTrait churnRisk(ChurnRiskAssessed event) {
        List<ChurnRiskTrait.Reason> reasons = event.reasons() == null ? List.of() : event.reasons().stream()
                .map(reason -> new ChurnRiskTrait.Reason(reason.factor(), reason.text(), reason.points()))
                .toList();
        return new ChurnRiskTrait(event.score(), event.band(), reasons, event.assessedAt());
    }

    static String invitationSource(String invitationId) {
        return "invitation:" + invitationId;
    }

    private static void add(List<Identity> identities, IdentityKind kind, String raw) {
        if (raw != null && kind.normalise(raw).isValid()) {
            identities.add(new Identity(kind, kind.normalise(raw).value()));
        }
    }
}
