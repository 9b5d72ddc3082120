package io.hearken.insight.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Who answered, as the response named them: the tenant's customer id, email and phone (each may be absent) and
 * whether they came verified from a signed invitation. Values are kept normalised the way profile-service keeps
 * identities (an email trimmed and lower-cased, a phone as {@code +} and digits), so an erasure's identities match
 * them as they are. The {@linkplain #customerKey customer key} names one customer of a tenant for churn signals and
 * recovery.
 */
public record Respondent(String customerId, String email, String phone, boolean verified) {

    /** A response that named nobody. */
    public static final Respondent NOBODY = new Respondent(null, null, null, false);

    public Respondent {
        customerId = customerId == null || customerId.isBlank() ? null : customerId.trim();
        email = normaliseEmail(email);
        phone = normalisePhone(phone);
    }

    /** The customer id when the response had one, else the email; empty for an anonymous response. */
    public Optional<String> customerKey() {
        return Optional.ofNullable(customerId != null ? customerId : email);
    }

    public boolean isAnonymous() {
        return customerId == null && email == null && phone == null;
    }

    public static String normaliseEmail(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    static String normalisePhone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^+0-9]", "");
        return digits.isEmpty() ? null : digits;
    }
}
