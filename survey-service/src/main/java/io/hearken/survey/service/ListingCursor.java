package io.hearken.survey.service;

import io.hearken.common.problem.ProblemException;
import io.hearken.survey.repository.Position;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The opaque {@code after} token of a newest-first listing (surveys, feedback): where the previous page ended (the
 * time and id of its last item). Opaque so clients cannot come to depend on its form; a token that does not decode
 * is the caller's mistake (400), never a page from somewhere else.
 */
public final class ListingCursor {

    private ListingCursor() {
    }

    public static String after(Instant at, String id) {
        String position = at.toEpochMilli() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            String position = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = position.indexOf(':');
            return new Position(Instant.ofEpochMilli(Long.parseLong(position.substring(0, colon))),
                    position.substring(colon + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw ProblemException.invalidField("after", "is not a token this API gave (use the listing's 'next')");
        }
    }
}
