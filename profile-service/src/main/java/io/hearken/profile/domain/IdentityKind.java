package io.hearken.profile.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The kinds of identifier a customer is recognised by, strongest first: an event resolves to the profile of its
 * strongest matching identity. Each kind normalises its values, so "Mika@Example.com " and "mika@example.com" are
 * one customer, and refuses values that cannot be one.
 */
public enum IdentityKind {
    /** The tenant's CRM id: issued by the tenant, the most specific. */
    CUSTOMER_ID("customer_id", "customerId"),
    LOYALTY_ID("loyalty_id", "loyaltyId"),
    EMAIL("email", "email"),
    /** E.164: '+', a country code and up to 15 digits in all. */
    PHONE("phone", "phone"),
    /** A device or anonymous id (a cookie, an app install): the weakest, shared devices exist. */
    DEVICE_ID("device_id", "deviceId");

    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern PHONE_DECORATION = Pattern.compile("[\\s().-]");
    private static final int MAX_ID_LENGTH = 200;

    private final String wireName;
    private final String parameterName;

    IdentityKind(String wireName, String parameterName) {
        this.wireName = wireName;
        this.parameterName = parameterName;
    }

    /** The name in the database, events and the {@code kind} field of the API: {@code customer_id}. */
    public String wireName() {
        return wireName;
    }

    /** The query parameter or JSON field that names a value of this kind: {@code customerId}. */
    public String parameterName() {
        return parameterName;
    }

    public static Optional<IdentityKind> fromWire(String name) {
        return Arrays.stream(values())
                .filter(kind -> kind.wireName.equals(name) || kind.parameterName.equals(name))
                .findFirst();
    }

    /**
     * The value as kept, or a reason it cannot be one of this kind (returned, not thrown: the API names the field,
     * an event drops the identity).
     */
    public Normalised normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return Normalised.invalid("must not be blank");
        }
        String trimmed = raw.strip();
        if (trimmed.indexOf('\u0000') >= 0) {
            return Normalised.invalid("must not contain U+0000");
        }
        return switch (this) {
            case EMAIL -> {
                String email = trimmed.toLowerCase(Locale.ROOT);
                yield email.length() <= 254 && EMAIL_SHAPE.matcher(email).matches() ? Normalised.of(email)
                        : Normalised.invalid("is not an email address");
            }
            case PHONE -> {
                String phone = PHONE_DECORATION.matcher(trimmed).replaceAll("");
                yield E164.matcher(phone).matches() ? Normalised.of(phone)
                        : Normalised.invalid("is not an E.164 phone number (+ country code and number, e.g. "
                        + "+819012345678)");
            }
            default -> trimmed.length() <= MAX_ID_LENGTH ? Normalised.of(trimmed)
                    : Normalised.invalid("is longer than " + MAX_ID_LENGTH + " characters");
        };
    }

    /** A normalised value, or why there is none. */
    public record Normalised(String value, String problem) {
        static Normalised of(String value) {
            return new Normalised(value, null);
        }

        static Normalised invalid(String problem) {
            return new Normalised(null, problem);
        }

        public boolean isValid() {
            return value != null;
        }
    }
}
