package io.hearken.insight.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The guard that makes a consumer's effects happen once per event (table {@code processed_event}): the ids are
 * recorded in the consumer's transaction and only those not recorded before are answered as new.
 */
public final class ProcessedEvents {

    private ProcessedEvents() {
    }

    /** Records the ids as processed by {@code consumer} and returns those that were not before. */
    public static Uni<Set<String>> recordNew(SqlConnection connection, String consumer, List<String> ids) {
        return connection.preparedQuery("""
                        insert into processed_event (consumer, event_id)
                        select $1, unnest($2::text[])
                        on conflict do nothing
                        returning event_id""")
                .execute(Tuple.of(consumer, ids.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> fresh = new HashSet<>();
                    rows.forEach(row -> fresh.add(row.getString("event_id")));
                    return fresh;
                });
    }
}
