package io.hearken.survey.domain;

/**
 * Who answered, as far as the channel knows; every part may be absent (anonymous feedback). {@code verified} is true
 * only when the identities come from a signed invitation, never from what a respondent typed on a public form, so
 * profiles downstream can tell a proven identity from a claimed one.
 */
public record Respondent(String email, String phone, String customerId, boolean verified) {

    public static final Respondent ANONYMOUS = new Respondent(null, null, null, false);

    /** What a respondent says about themself: a claim, not a proof. */
    public static Respondent claimed(String email, String phone, String customerId) {
        return new Respondent(email, phone, customerId, false);
    }

    /** Emails compare case-insensitively and without surrounding spaces. */
    public Respondent normalised() {
        return new Respondent(email == null ? null : email.trim().toLowerCase(), phone, customerId, verified);
    }
}
