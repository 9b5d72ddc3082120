package io.hearken.survey.domain;

/**
 * Where an invitation is: scheduled (kept, not sent yet), skipped (the contact rules said no), failed (the channel
 * refused it), sent, opened (the link was followed), started (a partial response), completed (answered). A status
 * only ever moves up this order, so events that arrive late never take an invitation back.
 */
public enum InvitationStatus {
    SCHEDULED, SKIPPED, FAILED, SENT, OPENED, STARTED, COMPLETED;

    /** Whether this status is later than {@code other} in an invitation's life. */
    public boolean isAfter(InvitationStatus other) {
        return ordinal() > other.ordinal();
    }
}
