package io.hearken.insight.domain;

import java.time.Instant;

/**
 * A nudge to a tenant's open dashboards and inboxes that something they show has changed: a response completed, a
 * piece of feedback arrived, an alert was raised or a case resolved. It names what changed, never what a customer
 * said or who they are: a screen that cares reads it through the API, with the viewer's own rights.
 *
 * @param type     {@code response.completed}, {@code feedback.received}, {@code alert.raised} or {@code case.resolved}
 * @param tenant   whose it is; only that tenant's viewers get it
 * @param surveyId the survey a response answered (null for the others)
 * @param id       the response, feedback item or case it is about
 * @param at       when the event was recorded
 */
public record LiveUpdate(String type, String tenant, String surveyId, String id, Instant at) {
}
