package io.hearken.webhook.domain;

/** Whether an endpoint gets deliveries; a disabled one keeps its pending deliveries until it is enabled again. */
public enum SubscriptionStatus {
    ACTIVE, DISABLED;

    public String stored() {
        return name().toLowerCase();
    }

    public static SubscriptionStatus fromStored(String stored) {
        return valueOf(stored.toUpperCase());
    }
}
