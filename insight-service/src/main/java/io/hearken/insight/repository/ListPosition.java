package io.hearken.insight.repository;

import java.time.Instant;

/**
 * Where a newest-first page of cases or alerts ended: the time (opened, raised) and id of its last item. The next
 * page holds what is older, or as old with a greater id, so items that arrive meanwhile (newer) never shift it, and
 * the (tenant, time desc, id) index finds it at the same cost at any depth.
 */
public record ListPosition(Instant at, String id) {
}
