package io.hearken.webhook.repository;

import io.hearken.webhook.domain.DisabledReason;
import io.hearken.webhook.domain.EventType;
import io.hearken.webhook.domain.Subscription;
import io.hearken.webhook.domain.SubscriptionStatus;
import io.hearken.webhook.domain.WebhookSecret;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The tenants' webhook endpoints (table {@code subscription}). Every read and write names the tenant, so another
 * tenant's subscription is as absent as one that never existed; which of a tenant's callers may see one is the
 * domain's rule ({@link Subscription#manageableBy}), applied by the service.
 */
@ApplicationScoped
public class SubscriptionRepository {

    static final String COLUMNS = """
            id, tenant, owner, url, description, event_types, status, disabled_reason, disabled_at, secret,
            previous_secret, previous_secret_until, consecutive_failures, failing_since, last_success_at,
            created_at, updated_at""";

    private final Pool pool;

    public SubscriptionRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Subscription> insert(Subscription subscription) {
        return pool.preparedQuery("insert into subscription (" + COLUMNS + """
                        ) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)""")
                .execute(Tuple.from(values(subscription)))
                .replaceWith(subscription);
    }

    /** Writes every changeable field of a subscription the tenant has; empty when it has none by that id. */
    public Uni<Optional<Subscription>> update(Subscription subscription) {
        Subscription s = subscription;
        // Owner, last success and creation never change here; the failures in a row only by re-enabling
        List<Object> changed = Arrays.asList(s.id(), s.tenant(), s.url(), s.description(), typeNames(s),
                s.status().stored(), s.disabledReason() == null ? null : s.disabledReason().stored(),
                Times.column(s.disabledAt()), s.secret().text(),
                s.previousSecret() == null ? null : s.previousSecret().text(), Times.column(s.previousSecretUntil()),
                s.consecutiveFailures(), Times.column(s.failingSince()), Times.column(s.updatedAt()));
        return pool.preparedQuery("""
                        update subscription
                        set url = $3, description = $4, event_types = $5, status = $6, disabled_reason = $7,
                            disabled_at = $8, secret = $9, previous_secret = $10, previous_secret_until = $11,
                            consecutive_failures = $12, failing_since = $13, updated_at = $14,
                            next_probe_at = case when $12 = 0 then null else next_probe_at end
                        where id = $1 and tenant = $2
                        returning\s""" + COLUMNS)
                .execute(Tuple.from(changed))
                .map(SubscriptionRepository::first);
    }

    public Uni<Optional<Subscription>> find(String tenant, UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from subscription where id = $1 and tenant = $2")
                .execute(Tuple.of(id, tenant))
                .map(SubscriptionRepository::first);
    }

    /** The tenant's subscriptions, oldest first; only {@code owner}'s when it is given. */
    /** A page of the tenant's subscriptions (of {@code owner}, unless null), oldest first, after a position. */
    public Uni<List<Subscription>> list(String tenant, String owner, Instant afterCreated, UUID afterId, int limit) {
        return pool.preparedQuery("select " + COLUMNS + """
                         from subscription where tenant = $1 and ($2::text is null or owner = $2)
                          and ($3::timestamptz is null or (created_at, id) > ($3, $4))
                        order by created_at, id
                        limit $5""")
                .execute(Tuple.from(Arrays.asList(tenant, owner, Times.column(afterCreated), afterId, limit)))
                .map(rows -> {
                    List<Subscription> found = new ArrayList<>();
                    rows.forEach(row -> found.add(of(row)));
                    return found;
                });
    }

    public Uni<Boolean> delete(String tenant, UUID id) {
        return pool.preparedQuery("delete from subscription where id = $1 and tenant = $2")
                .execute(Tuple.of(id, tenant))
                .map(rows -> rows.rowCount() > 0);
    }

    private static List<Object> values(Subscription s) {
        return Arrays.asList(s.id(), s.tenant(), s.owner(), s.url(), s.description(), typeNames(s), s.status().stored(),
                s.disabledReason() == null ? null : s.disabledReason().stored(), Times.column(s.disabledAt()),
                s.secret().text(), s.previousSecret() == null ? null : s.previousSecret().text(),
                Times.column(s.previousSecretUntil()), s.consecutiveFailures(), Times.column(s.failingSince()),
                Times.column(s.lastSuccessAt()), Times.column(s.createdAt()), Times.column(s.updatedAt()));
    }

    private static String[] typeNames(Subscription s) {
        return s.eventTypes().stream().map(EventType::wireName).sorted().toArray(String[]::new);
    }

    private static Optional<Subscription> first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? Optional.of(of(rows.iterator().next())) : Optional.empty();
    }

    static Subscription of(Row row) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String name : row.getArrayOfStrings("event_types")) {
            EventType.fromWireName(name).ifPresent(types::add);
        }
        String previous = row.getString("previous_secret");
        return new Subscription(row.getUUID("id"), row.getString("tenant"), row.getString("owner"),
                row.getString("url"), row.getString("description"), types,
                SubscriptionStatus.fromStored(row.getString("status")),
                DisabledReason.fromStored(row.getString("disabled_reason")), Times.instant(row, "disabled_at"),
                new WebhookSecret(row.getString("secret")), previous == null ? null : new WebhookSecret(previous),
                Times.instant(row, "previous_secret_until"), row.getInteger("consecutive_failures"),
                Times.instant(row, "failing_since"), Times.instant(row, "last_success_at"),
                Times.instant(row, "created_at"), Times.instant(row, "updated_at"));
    }

}
