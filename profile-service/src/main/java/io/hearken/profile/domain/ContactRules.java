package io.hearken.profile.domain;

/**
 * Whether a customer may be contacted now on a channel for a purpose. In order: an erased customer never; an
 * opt-out on that channel and purpose never; no answer at all only for purposes the tenant may assume (surveys
 * about a service the customer used, by default), never for marketing; and never more often than the tenant's
 * frequency cap allows, counted over invitations actually sent on any channel.
 */
public final class ContactRules {

    private ContactRules() {
    }

    /**
     * The answer and, when not allowed, why: {@code erased}, {@code opted-out}, {@code no-consent},
     * {@code frequency-cap}.
     */
    public record ContactDecision(boolean allowed, String reason) {
        static ContactDecision allow(String reason) {
            return new ContactDecision(true, reason);
        }

        static ContactDecision refuse(String reason) {
            return new ContactDecision(false, reason);
        }
    }

    /** The tenant's cap: at most {@code maxContacts} invitations in any {@code perDays} days. */
    public record FrequencyCap(int maxContacts, int perDays) {
    }

    public static ContactDecision decide(boolean erased, ConsentStatus consent, boolean purposeImplied,
                                         long contactsInWindow, FrequencyCap cap) {
        if (erased) {
            return ContactDecision.refuse("erased");
        }
        if (consent == ConsentStatus.OPTED_OUT) {
            return ContactDecision.refuse("opted-out");
        }
        if (consent == null && !purposeImplied) {
            return ContactDecision.refuse("no-consent");
        }
        if (contactsInWindow >= cap.maxContacts()) {
            return ContactDecision.refuse("frequency-cap");
        }
        return ContactDecision.allow(consent == null ? "implied" : "consented");
    }
}
