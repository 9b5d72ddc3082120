package io.hearken.webhook.service;

import io.hearken.common.problem.ProblemException;
import io.hearken.webhook.client.FeedbackForwarder;
import io.hearken.webhook.client.SurveyServiceRefusal;
import io.hearken.webhook.config.InboundConfig;
import io.hearken.webhook.domain.InboundFeedback;
import io.hearken.webhook.domain.InboundMessage;
import io.hearken.webhook.domain.InboundReceipt;
import io.hearken.webhook.domain.InboundSource;
import io.hearken.webhook.domain.WebhookSecret;
import io.hearken.webhook.domain.WebhookSignature;
import io.hearken.webhook.repository.InboundMessageRepository;
import io.hearken.webhook.repository.InboundSourceRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Takes in a partner's signed message: verified first (nothing else is looked at before), then answered as a
 * duplicate when its id was taken in before, else read and forwarded to survey-service as the source's tenant, and
 * its id remembered only once survey-service has the feedback. So a message whose forward failed is retried by the
 * partner under the same id and goes through, and one that went through is never forwarded twice on our account
 * (two deliveries racing both forward; survey-service keeps the item once by source and external id).
 *
 * <p>A message to an unknown source is verified against a secret nobody holds and refused like a bad signature, in
 * the same time, so the answer never tells whether a source exists.
 */
@ApplicationScoped
public class InboundService {

    private static final String PARTNER = "partner:";

    private final InboundSourceRepository sources;
    private final InboundMessageRepository messages;
    private final FeedbackForwarder forwarder;
    private final InboundConfig config;
    private final MeterRegistry metrics;
    private final InboundSource unknownSource = InboundSource.register("", "", "unknown", "",
            WebhookSecret.generate(), Instant.EPOCH);

    public InboundService(InboundSourceRepository sources, InboundMessageRepository messages,
                          FeedbackForwarder forwarder, InboundConfig config, MeterRegistry metrics) {
        this.sources = sources;
        this.messages = messages;
        this.forwarder = forwarder;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * What became of {@code message}, posted to source {@code sourceId}; {@code read} turns its verified payload
     * into feedback or throws the problem it has. Fails with a 401 problem when the message is not authentic, the
     * problem survey-service found in the feedback, or a 503 with Retry-After when survey-service cannot take it now.
     */
    public Uni<InboundReceipt> receive(String sourceId, InboundMessage message,
                                       Function<String, InboundFeedback> read) {
        Uni<Optional<InboundSource>> lookup = InboundSource.isWellFormedId(sourceId) ? sources.find(sourceId)
                : Uni.createFrom().item(Optional.empty());
        return lookup.chain(found -> {
            Instant now = Instant.now();
            InboundSource source = found.orElse(unknownSource);
            WebhookSignature.Verdict verdict = source.verify(message, now, config.tolerance());
            if (verdict != WebhookSignature.Verdict.VALID || found.isEmpty()) {
                return Uni.createFrom().failure(refusal(sourceId, verdict));
            }
            return messages.find(source.id(), message.id()).chain(taken -> {
                if (taken.isPresent()) {
                    count("duplicate");
                    Log.debugf("Inbound message %s to source %s of tenant %s: a duplicate, not forwarded",
                            message.id(), source.id(), source.tenant());
                    return Uni.createFrom().item(taken.get());
                }
                return forward(source, message, read);
            });
        });
    }

    private Uni<InboundReceipt> forward(InboundSource source, InboundMessage message,
                                        Function<String, InboundFeedback> read) {
        InboundFeedback feedback;
        try {
            feedback = read.apply(message.payload()).forwardedFrom(source, message.id());
        } catch (ProblemException unreadable) {
            count("invalid");
            return Uni.createFrom().failure(unreadable);
        }
        return forwarder.forward(source.tenant(), PARTNER + source.id(), feedback)
                .onFailure().transform(failure -> notForwarded(source, message, failure))
                .call(feedbackId -> messages.record(source.id(), message.id(), feedbackId, Instant.now())
                        .onFailure().recoverWithItem(failure -> {
                            // survey-service has it; forgetting the id costs at most one more forward of a replay,
                            // which survey-service keeps once.
                            Log.warnf("Inbound message %s to source %s: forwarded, but its id was not recorded: %s",
                                    message.id(), source.id(), failure.getMessage());
                            return null;
                        }))
                .map(feedbackId -> {
                    count("accepted");
                    Log.debugf("Inbound message %s to source %s of tenant %s: forwarded as feedback %s",
                            message.id(), source.id(), source.tenant(), feedbackId);
                    return new InboundReceipt(feedbackId, false);
                });
    }

    private ProblemException notForwarded(InboundSource source, InboundMessage message, Throwable failure) {
        if (failure instanceof SurveyServiceRefusal refusal) {
            count("invalid");
            return refusal.problem();
        }
        count("unavailable");
        Log.warnf("Inbound message %s to source %s of tenant %s not forwarded, the partner is asked to retry: %s",
                message.id(), source.id(), source.tenant(), failure.toString());
        return ProblemException.unavailable("The feedback could not be taken in right now and was not kept. Send "
                + "the same message again (same webhook-id) later.", (int) config.retryAfter().toSeconds());
    }

    private ProblemException refusal(String sourceId, WebhookSignature.Verdict verdict) {
        if (verdict == WebhookSignature.Verdict.BAD_TIMESTAMP) {
            count("stale");
            Log.debugf("Inbound message to %s refused: timestamp", sourceId);
            return new ProblemException(401, "webhook-timestamp", "Webhook timestamp out of range",
                    "The webhook-timestamp is not within " + config.tolerance().toSeconds() + " seconds of the "
                            + "receiver's clock. Sign each attempt anew with the current time.", List.of(), null);
        }
        count("unauthenticated");
        Log.debugf("Inbound message to %s refused: signature", sourceId);
        return new ProblemException(401, "webhook-signature", "Webhook signature not verified",
                "The message carries no valid signature of this source (webhook-id, webhook-timestamp and "
                        + "webhook-signature headers, signed over the exact body).", List.of(), null);
    }

    private void count(String outcome) {
        metrics.counter("hearken.inbound.messages", "outcome", outcome).increment();
    }
}
