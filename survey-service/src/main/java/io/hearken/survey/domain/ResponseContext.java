package io.hearken.survey.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rules for what a channel adds to a response: its context (a chat's conversation id, a call's queue, agent and IVR
 * node), kept as short text under simple keys; and the time an offline device says the answers were given, which
 * may be well in the past (a kiosk uploads days later) but not in the future or beyond what anyone analyses.
 */
final class ResponseContext {

    static final int MAX_ENTRIES = 20;
    static final int MAX_VALUE_LENGTH = 500;
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** Clocks of devices drift; a little of the future is a clock, more is a mistake. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final Duration OLDEST = Duration.ofDays(366);

    private ResponseContext() {
    }

    static void check(Map<String, String> context, Problems problems) {
        if (context == null) {
            return;
        }
        if (context.size() > MAX_ENTRIES) {
            problems.add("context", "must have at most " + MAX_ENTRIES + " entries");
            return;
        }
        context.forEach((key, value) -> {
            if (key == null || !KEY.matcher(key).matches()) {
                problems.add("context", "keys must be 1 to 64 letters, digits, '_', '.' or '-', not '" + key + "'");
            } else if (value == null || value.length() > MAX_VALUE_LENGTH) {
                problems.add("context." + key, "must be a text of at most " + MAX_VALUE_LENGTH + " characters");
            }
        });
    }

    static void checkAnsweredAt(Instant answeredAt, Instant receivedAt, Problems problems) {
        if (answeredAt == null) {
            return;
        }
        if (answeredAt.isAfter(receivedAt.plus(CLOCK_SKEW))) {
            problems.add("answeredAt", "is in the future (the device's clock is wrong?)");
        } else if (answeredAt.isBefore(receivedAt.minus(OLDEST))) {
            problems.add("answeredAt", "is more than " + OLDEST.toDays() + " days ago");
        }
    }
}
