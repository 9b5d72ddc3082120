package io.hearken.webhook.domain;

/** Where a delivery of one message to one endpoint stands. */
public enum DeliveryState {
    /** Waiting for its next attempt, or being tried. */
    PENDING,
    /** An attempt got a 2xx. */
    SUCCEEDED,
    /** The schedule ran out (or a test send failed); kept for the log and manual redelivery. */
    DEAD;

    public String stored() {
        return name().toLowerCase();
    }

    public static DeliveryState fromStored(String stored) {
        return valueOf(stored.toUpperCase());
    }
}
