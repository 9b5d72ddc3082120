package io.hearken.webhook.client;

import io.hearken.webhook.domain.InboundFeedback;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;

/**
 * Hands a partner's feedback to survey-service, the one way this service calls it: within 5 s, and not at all for
 * 10 s once half of the last 20 calls failed (a circuit breaker), so a partner whose messages arrive while
 * survey-service is down is told at once to retry later instead of each waiting for a timeout. Refusals of the
 * feedback itself ({@link SurveyServiceRefusal}) are answers, not failures, and never open the breaker. There is no
 * retry here: the partner retries the message, and survey-service keeps it once whoever retries.
 */
@ApplicationScoped
public class FeedbackForwarder {

    private final SurveyFeedbackApi survey;

    public FeedbackForwarder(@RestClient SurveyFeedbackApi survey) {
        this.survey = survey;
    }

    /**
     * survey-service's id of the feedback, taken in for {@code tenant} as sent by {@code caller}; fails with
     * {@link SurveyServiceRefusal} when survey-service refuses it, and with another exception when it could not take
     * it in.
     */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = SurveyServiceRefusal.class)
    public Uni<String> forward(String tenant, String caller, InboundFeedback feedback) {
        return survey.ingest(tenant, caller, feedback).map(SurveyFeedbackApi.Receipt::id);
    }
}
