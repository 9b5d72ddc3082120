package io.hearken.survey.service;

import io.hearken.common.page.PageCursor;
import io.hearken.survey.repository.Position;

import java.time.Instant;

/**
 * The keyset position of this service's lists (surveys, feedback and a survey's invitations newest first, a
 * survey's responses oldest first): the time and id of a page's last item, as the shared opaque {@link PageCursor}. The time travels in
 * milliseconds because that is what MongoDB keeps, so a position always equals a stored value.
 */
public final class ListingCursor {

    public static final String SURVEYS = "surveys";
    public static final String FEEDBACK = "feedback";
    public static final String RESPONSES = "responses";
    public static final String INVITATIONS = "invitations";

    private ListingCursor() {
    }

    public static PageCursor after(String list, Instant at, String id) {
        return PageCursor.of(list, at.toEpochMilli(), id);
    }

    static Position decode(String list, String token) {
        return PageCursor.read(list, token, 2)
                .map(cursor -> new Position(Instant.ofEpochMilli(cursor.number(0)), cursor.text(1)))
                .orElse(null);
    }
}
