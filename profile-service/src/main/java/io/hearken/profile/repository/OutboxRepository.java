package io.hearken.profile.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The outbox: profile events written in the transaction of the change they announce, so that a change is never
 * kept without its event or announced without being kept; the relay appends them to Kafka and deletes them.
 */
@ApplicationScoped
public class OutboxRepository {

    /** One event waiting for the relay. */
    public record PendingEvent(UUID id, String topic, String key, String type, String subject, String tenant,
                               Instant occurredAt, String data) {
    }

    public Uni<Integer> add(PendingEvent event) {
        return Sql.update("insert into outbox_event (id, topic, event_key, type, subject, tenant, occurred_at, data) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", event.id(), event.topic(), event.key(),
                event.type(), event.subject(), event.tenant(), event.occurredAt(), event.data());
    }

    /** Several events in one statement, in list order. */
    public Uni<Integer> addAll(List<PendingEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        StringBuilder sql = new StringBuilder("insert into outbox_event (id, topic, event_key, type, subject, tenant, "
                + "occurred_at, data) values ");
        List<Object> parameters = new ArrayList<>();
        for (PendingEvent event : events) {
            int at = parameters.size();
            sql.append(at == 0 ? "(" : ", (");
            for (int column = 1; column <= 8; column++) {
                sql.append(column == 1 ? "?" : ", ?").append(at + column);
            }
            sql.append(')');
            parameters.addAll(List.of(event.id(), event.topic(), event.key(), event.type(), event.subject(),
                    event.tenant(), event.occurredAt(), event.data()));
        }
        return Sql.update(sql.toString(), parameters.toArray());
    }

    /** The oldest waiting events, in the order they were written. */
    public Uni<List<PendingEvent>> oldest(int limit) {
        return Sql.rows("select id, topic, event_key, type, subject, tenant, occurred_at, data from outbox_event "
                + "order by seq limit ?1", limit).map(rows -> rows.stream()
                .map(row -> new PendingEvent((UUID) row[0], (String) row[1], (String) row[2], (String) row[3],
                        (String) row[4], (String) row[5], IdentityRepository.instant(row[6]), (String) row[7]))
                .toList());
    }

    public Uni<Integer> delete(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        StringBuilder sql = new StringBuilder("delete from outbox_event where id in (");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?").append(i + 1);
        }
        return Sql.update(sql.append(")").toString(), ids.toArray());
    }
}
