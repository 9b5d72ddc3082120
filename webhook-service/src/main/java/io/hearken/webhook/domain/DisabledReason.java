package io.hearken.webhook.domain;

/** Why an endpoint stopped getting deliveries: its owner said so, it answered 410 Gone, or it kept failing. */
public enum DisabledReason {
    MANUAL, GONE, FAILING;

    public String stored() {
        return name().toLowerCase();
    }

    public static DisabledReason fromStored(String stored) {
        return stored == null ? null : valueOf(stored.toUpperCase());
    }
}
