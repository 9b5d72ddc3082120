package io.hearken.survey.domain;

/** Who answered, as far as the channel knows; every part may be absent (anonymous feedback). */
public record Respondent(String email, String phone, String customerId) {

    public static final Respondent ANONYMOUS = new Respondent(null, null, null);

    /** Emails compare case-insensitively and without surrounding spaces. */
    public Respondent normalised() {
        return new Respondent(email == null ? null : email.trim().toLowerCase(), phone, customerId);
    }
}
