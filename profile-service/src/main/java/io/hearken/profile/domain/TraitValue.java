package io.hearken.profile.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * One typed trait value. The built-in traits need no definition; a tenant defines others with a type. Computed
 * traits (response count, last NPS, average CSAT, last contact, churn risk) are kept from events and cannot be set.
 */
public record TraitValue(String key, TraitType type, String text, BigDecimal number, Boolean bool, LocalDate date) {

    public static final int MAX_TEXT = 1000;

    public static final Map<String, TraitType> BUILT_IN = Map.of(
            "name", TraitType.STRING,
            "plan", TraitType.STRING,
            "region", TraitType.STRING,
            "country", TraitType.STRING,
            "language", TraitType.STRING,
            "lifetimeValue", TraitType.NUMBER,
            "signupDate", TraitType.DATE);

    public static final Set<String> COMPUTED = Set.of("responseCount", "lastNps", "lastNpsAt",
            "averageCsat", "lastContactAt", "lastChannel", "churnRisk");

    /** The value of a JSON scalar ({@code String}, {@code Number}, {@code Boolean}) as {@code type}. */
    public static TraitValue of(String key, TraitType type, Object raw) {
        if (raw == null) {
            throw new IllegalArgumentException("must not be null (remove a trait by sending it in \"remove\")");
        }
        return switch (type) {
            case STRING -> {
                if (!(raw instanceof String text) || text.length() > MAX_TEXT || text.indexOf('\u0000') >= 0) {
                    throw new IllegalArgumentException("must be a string of at most " + MAX_TEXT
                            + " characters without U+0000");
                }
                yield new TraitValue(key, type, text, null, null, null);
            }
            case NUMBER -> {
                if (!(raw instanceof Number number)) {
                    throw new IllegalArgumentException("must be a number");
                }
                BigDecimal decimal = new BigDecimal(number.toString());
                if (decimal.abs().compareTo(new BigDecimal("1e15")) > 0) {
                    throw new IllegalArgumentException("must be within ±10^15");
                }
                yield new TraitValue(key, type, null, decimal, null, null);
            }
            case BOOLEAN -> {
                if (!(raw instanceof Boolean bool)) {
                    throw new IllegalArgumentException("must be true or false");
                }
                yield new TraitValue(key, type, null, null, bool, null);
            }
            case DATE -> {
                try {
                    yield new TraitValue(key, type, null, null, null, LocalDate.parse(String.valueOf(raw)));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("must be a date (yyyy-mm-dd)");
                }
            }
        };
    }

    /** The value as JSON shows it. */
    public Object value() {
        return switch (type) {
            case STRING -> text;
            case NUMBER -> number;
            case BOOLEAN -> bool;
            case DATE -> date.toString();
        };
    }
}
