package io.hearken.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/**
 * How the customer view ({@code GET /api/v1/customers/{id}/360}, composition.CustomerView) waits for its parts
 * ({@code hearken.customer-view.*}). A part past its deadline is left out and named as missing, so one slow service
 * costs the view that part, not the whole answer.
 */
@ConfigMapping(prefix = "hearken.customer-view")
public interface CustomerViewConfig {

    /** Deadline of each part's call (profile, scores, cases, feedback) unless {@link #partTimeouts()} names another. */
    @WithDefault("3s")
    Duration partTimeout();

    /** Deadlines by part, e.g. {@code hearken.customer-view.part-timeouts."cases"=1s}. */
    Map<String, Duration> partTimeouts();

    /** How many of the customer's newest responses the scores list (and their cases are looked for in), 1–100. */
    @WithDefault("50")
    int scoredResponses();

    /** How many of the customer's newest responses are shown whole as recent feedback, 1–50. */
    @WithDefault("10")
    int recentFeedback();
}
