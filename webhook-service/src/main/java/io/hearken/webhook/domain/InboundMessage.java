package io.hearken.webhook.domain;

/**
 * One message a partner posted to a source, as it arrived: the Standard Webhooks headers ({@code webhook-id},
 * {@code webhook-timestamp}, {@code webhook-signature}, each null when absent) and the body exactly as signed. Nothing
 * in it is trusted before {@link InboundSource#verify} says so.
 */
public record InboundMessage(String id, String timestamp, String signature, String payload) {
}
