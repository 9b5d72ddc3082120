package io.hearken.survey.repository;

import java.time.Instant;

/**
 * Where a newest-first listing continues: after the item with this time (created, received) and id. The id breaks
 * ties between items of the same millisecond.
 */
public record Position(Instant at, String id) {
}
