package io.hearken.gateway.limits;

/**
 * One limit a request counts against: its name in the {@code RateLimit} headers, the subject it counts (a tenant,
 * a client, an address, a survey) and how many requests the subject may make per window.
 */
public record LimitPolicy(String name, String subject, int quota) {

    /** The counter's key: one per policy and subject. */
    public String counterKey() {
        return "hearken:limit:" + name + ":" + subject;
    }
}
