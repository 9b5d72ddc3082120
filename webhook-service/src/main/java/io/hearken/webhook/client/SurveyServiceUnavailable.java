package io.hearken.webhook.client;

/**
 * survey-service did not take the feedback in, for a reason of its own (a 5xx, a refused credential, a rate limit) or
 * because it could not be reached in time: nothing was kept, and the same message may succeed later.
 */
public class SurveyServiceUnavailable extends RuntimeException {

    public SurveyServiceUnavailable(String reason) {
        super(reason);
    }
}
