package io.hearken.webhook.domain;

/**
 * What became of a verified message: taken in by survey-service now ({@code duplicate} false), or already taken in
 * under the same message id before, and not forwarded again. {@code feedbackId} is survey-service's id of the item.
 */
public record InboundReceipt(String feedbackId, boolean duplicate) {
}
