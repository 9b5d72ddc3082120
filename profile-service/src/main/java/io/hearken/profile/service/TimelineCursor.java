package io.hearken.profile.service;

import io.hearken.common.problem.ProblemException;
import io.hearken.profile.domain.Touchpoint;
import io.hearken.profile.repository.TouchpointRepository.TimelinePosition;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** The opaque cursor of a timeline page: where the previous page ended (time and id of its last touchpoint). */
final class TimelineCursor {

    private TimelineCursor() {
    }

    static String after(Touchpoint last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((last.occurredAt + "|" + last.id)
                .getBytes(StandardCharsets.UTF_8));
    }

    static TimelinePosition parse(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new TimelinePosition(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this API gave out");
        }
    }
}
