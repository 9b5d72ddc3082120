package io.hearken.profile.service;

import io.hearken.common.page.PageCursor;
import io.hearken.profile.domain.Touchpoint;
import io.hearken.profile.repository.TouchpointRepository.TimelinePosition;

/** Where a timeline page ended (time and id of its last touchpoint), as the shared opaque {@link PageCursor}. */
final class TimelineCursor {

    private static final String LIST = "timeline";

    private TimelineCursor() {
    }

    static String after(Touchpoint last) {
        return PageCursor.of(LIST, last.occurredAt, last.id).token();
    }

    static TimelinePosition parse(String token) {
        return PageCursor.read(LIST, token, 2)
                .map(cursor -> new TimelinePosition(cursor.instant(0), cursor.uuid(1)))
                .orElse(null);
    }
}
