package io.hearken.webhook.repository;

import io.hearken.webhook.domain.ClaimedDelivery;
import io.hearken.webhook.domain.DisabledEndpoint;
import io.hearken.webhook.domain.EndpointAnswer;
import io.hearken.webhook.domain.EndpointHealth;
import io.hearken.webhook.domain.EventType;
import io.hearken.webhook.domain.NextStep;
import io.hearken.webhook.domain.Subscription;
import io.hearken.webhook.domain.WebhookMessage;
import io.hearken.webhook.domain.WebhookSecret;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The durable delivery schedule (tables {@code message}, {@code delivery}, {@code attempt}). Messages and their
 * deliveries are written in the consumer's transaction; instances claim due deliveries with a lease
 * ({@code FOR UPDATE SKIP LOCKED}, so several instances split the work without sending one twice at a time), and
 * record each attempt, the next step and the endpoint's health in one transaction.
 */
@ApplicationScoped
public class DeliveryRepository {

    private static final String DUE = """
            state = 'pending' and next_attempt_at <= now() and (lease_until is null or lease_until < now())""";

    private final Pool pool;

    public DeliveryRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Stores the messages not stored before that a subscription of their tenant listens to and, for each, a delivery
     * to every active subscription of its tenant that listens to its type; a message read again (after a crash or a
     * redrive) adds nothing. Returns the number of deliveries scheduled.
     */
    public Uni<Integer> enqueue(List<WebhookMessage> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return pool.withTransaction(connection -> insertMessages(connection, messages, true)
                .chain(fresh -> fresh.isEmpty() ? Uni.createFrom().item(0) : connection.preparedQuery("""
                                insert into delivery (subscription_id, message_id, tenant, state, attempts,
                                                      next_attempt_at, created_at, updated_at)
                                select s.id, m.id, m.tenant, 'pending', 0, m.created_at, now(), now()
                                from message m
                                join subscription s on s.tenant = m.tenant and s.status = 'active'
                                                   and m.event_type = any (s.event_types)
                                                   and m.created_at >= s.created_at
                                where m.id = any ($1)
                                on conflict do nothing""")
                        .execute(Tuple.of(fresh.toArray(String[]::new)))
                        .map(rows -> rows.rowCount())));
    }

    private static Uni<List<String>> insertMessages(SqlConnection connection, List<WebhookMessage> messages,
                                                    boolean onlyListenedTo) {
        int n = messages.size();
        String[] ids = new String[n];
        String[] tenants = new String[n];
        String[] types = new String[n];
        String[] events = new String[n];
        String[] payloads = new String[n];
        OffsetDateTime[] created = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            WebhookMessage message = messages.get(i);
            ids[i] = message.id();
            tenants[i] = message.tenant();
            types[i] = message.type();
            events[i] = message.eventId();
            payloads[i] = message.payload();
            created[i] = Times.column(message.createdAt());
        }
        // Only what some subscription of the tenant (active or not) listens to is kept (a test send is for its one
        // subscription): most events of most tenants go to nobody, and storing them would cost every response a row
        // for nothing. A message stored while its subscription is disabled can be redelivered once it is enabled.
        return connection.preparedQuery("""
                        insert into message (id, tenant, event_type, event_id, payload, created_at)
                        select u.* from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                                               $6::timestamptz[]) as u(id, tenant, event_type, event_id, payload,
                                                                      created_at)
                        where not $7 or exists (select 1 from subscription s
                                               where s.tenant = u.tenant and u.event_type = any (s.event_types))
                        on conflict (id) do nothing
                        returning id""")
                .execute(Tuple.from(Arrays.asList(ids, tenants, types, events, payloads, created, onlyListenedTo)))
                .map(rows -> {
                    List<String> fresh = new ArrayList<>();
                    rows.forEach(row -> fresh.add(row.getString("id")));
                    return fresh;
                });
    }

    /**
     * Active subscriptions with a delivery due and not leased, other than {@code busy}, and not waiting for their
     * next probe; at most {@code limit}, each with its failures in a row.
     */
    public Uni<List<DueSubscription>> subscriptionsWithDueDeliveries(List<UUID> busy, int limit) {
        return pool.preparedQuery("""
                        select s.id, s.consecutive_failures from subscription s
                        where s.status = 'active' and not (s.id = any ($1))
                          and (s.next_probe_at is null or s.next_probe_at <= now())
                          and exists (select 1 from delivery d where d.subscription_id = s.id and\s""" + DUE + """
                        )
                        limit $2""")
                .execute(Tuple.of(busy.toArray(UUID[]::new), limit))
                .map(rows -> {
                    List<DueSubscription> due = new ArrayList<>();
                    rows.forEach(row -> due.add(new DueSubscription(row.getUUID("id"),
                            row.getInteger("consecutive_failures"))));
                    return due;
                });
    }

    /** A subscription with deliveries due, and how many attempts to it failed in a row. */
    public record DueSubscription(UUID id, int consecutiveFailures) {
    }

    /**
     * Leases up to {@code limit} of a subscription's due deliveries, oldest due first, for {@code lease}; rows
     * another instance holds are skipped, not waited for.
     */
    public Uni<List<ClaimedDelivery>> claim(UUID subscriptionId, int limit, Duration lease) {
        return pool.preparedQuery("""
                        with picked as (
                            select subscription_id, message_id from delivery
                            where subscription_id = $1 and\s""" + DUE + """

                            order by next_attempt_at
                            limit $2
                            for update skip locked),
                        leased as (
                            update delivery d set lease_until = now() + $3 * interval '1 millisecond'
                            from picked p
                            where d.subscription_id = p.subscription_id and d.message_id = p.message_id
                            returning d.subscription_id, d.message_id, d.attempts, d.test)
                        select l.subscription_id, l.message_id, l.attempts, l.test, m.event_type, m.payload,
                               m.created_at, s.tenant, s.url, s.secret, s.previous_secret, s.previous_secret_until
                        from leased l
                        join message m on m.id = l.message_id
                        join subscription s on s.id = l.subscription_id
                        where s.status = 'active'""")
                .execute(Tuple.of(subscriptionId, limit, lease.toMillis()))
                .map(rows -> {
                    Instant now = Instant.now();
                    List<ClaimedDelivery> claimed = new ArrayList<>();
                    rows.forEach(row -> claimed.add(claimed(row, now)));
                    return claimed;
                });
    }

    private static ClaimedDelivery claimed(Row row, Instant now) {
        String previous = row.getString("previous_secret");
        List<WebhookSecret> secrets = Subscription.signingSecrets(new WebhookSecret(row.getString("secret")),
                previous == null ? null : new WebhookSecret(previous), Times.instant(row, "previous_secret_until"),
                now);
        return new ClaimedDelivery(row.getUUID("subscription_id"), row.getString("tenant"), row.getString("url"),
                secrets, row.getString("message_id"), row.getString("event_type"), row.getString("payload"),
                Times.instant(row, "created_at"), row.getInteger("attempts"), row.getBoolean("test"));
    }

    /**
     * Records one attempt and what follows it, in one transaction: the attempt in the log, the delivery's state and
     * next attempt (its lease released), and the endpoint's health. When that health disables the endpoint, the
     * message {@code announce} makes of it is scheduled to the tenant's endpoints that listen for it. Returns the
     * endpoint disabled, if one was.
     */
    public Uni<Optional<DisabledEndpoint>> record(ClaimedDelivery delivery, Instant startedAt, EndpointAnswer answer,
                                                  NextStep next, EndpointHealth health,
                                                  Function<DisabledEndpoint, WebhookMessage> announce) {
        int attempt = delivery.attemptsBefore() + 1;
        return pool.withTransaction(connection -> connection.preparedQuery("""
                                insert into attempt (subscription_id, message_id, attempt, started_at, latency_ms,
                                                     status, error, response_excerpt)
                                values ($1, $2, $3, $4, $5, $6, $7, $8)""")
                        .execute(Tuple.from(Arrays.asList(delivery.subscriptionId(), delivery.messageId(), attempt,
                                Times.column(startedAt), (int) Math.min(Integer.MAX_VALUE, answer.latencyMillis()),
                                answer.status(), answer.error(), answer.excerpt())))
                        .chain(() -> connection.preparedQuery("""
                                        update delivery
                                        set state = $3, attempts = $4, next_attempt_at = $5, lease_until = null,
                                            last_status = $6, last_error = $7, updated_at = now()
                                        where subscription_id = $1 and message_id = $2""")
                                .execute(Tuple.from(Arrays.asList(delivery.subscriptionId(), delivery.messageId(),
                                        next.state().stored(), attempt, Times.column(next.nextAttemptAt()),
                                        answer.status(), answer.error()))))
                        .chain(() -> delivery.test() ? Uni.createFrom().item(Optional.<DisabledEndpoint>empty())
                                : endpointHealth(connection, delivery, answer, health, announce)));
    }

    private static Uni<Optional<DisabledEndpoint>> endpointHealth(
            SqlConnection connection, ClaimedDelivery delivery, EndpointAnswer answer, EndpointHealth health,
            Function<DisabledEndpoint, WebhookMessage> announce) {
        if (answer.succeeded()) {
            return connection.preparedQuery("""
                            update subscription
                            set consecutive_failures = 0, failing_since = null, next_probe_at = null,
                                last_success_at = now()
                            where id = $1""")
                    .execute(Tuple.of(delivery.subscriptionId()))
                    .replaceWith(Optional.empty());
        }
        return connection.preparedQuery("""
                        update subscription
                        set consecutive_failures = consecutive_failures + 1,
                            failing_since = coalesce(failing_since, now())
                        where id = $1 and status = 'active'
                        returning consecutive_failures, failing_since, url""")
                .execute(Tuple.of(delivery.subscriptionId()))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().item(Optional.<DisabledEndpoint>empty());
                    }
                    Row row = rows.iterator().next();
                    Instant now = Instant.now();
                    int failures = row.getInteger("consecutive_failures");
                    Uni<Void> probed = health.probeWait(failures)
                            .map(wait -> connection.preparedQuery(
                                            "update subscription set next_probe_at = $2 where id = $1")
                                    .execute(Tuple.of(delivery.subscriptionId(), Times.column(now.plus(wait))))
                                    .replaceWithVoid())
                            .orElseGet(() -> Uni.createFrom().voidItem());
                    return probed.chain(() -> health.afterFailure(answer, failures,
                                    Times.instant(row, "failing_since"), now)
                            .map(reason -> disable(connection, new DisabledEndpoint(delivery.subscriptionId(),
                                    delivery.tenant(), row.getString("url"), reason, failures, now), announce))
                            .orElseGet(() -> Uni.createFrom().item(Optional.empty())));
                });
    }

    private static Uni<Optional<DisabledEndpoint>> disable(SqlConnection connection, DisabledEndpoint disabled,
                                                           Function<DisabledEndpoint, WebhookMessage> announce) {
        WebhookMessage message = announce.apply(disabled);
        return connection.preparedQuery("""
                        update subscription
                        set status = 'disabled', disabled_reason = $2, disabled_at = $3, updated_at = $3
                        where id = $1""")
                .execute(Tuple.of(disabled.subscriptionId(), disabled.reason().stored(),
                        Times.column(disabled.disabledAt())))
                .chain(() -> insertMessages(connection, List.of(message), true))
                .chain(() -> connection.preparedQuery("""
                                insert into delivery (subscription_id, message_id, tenant, state, attempts,
                                                      next_attempt_at, created_at, updated_at)
                                select s.id, $1, s.tenant, 'pending', 0, now(), now(), now()
                                from subscription s
                                where s.tenant = $2 and s.status = 'active' and $3 = any (s.event_types)
                                on conflict do nothing""")
                        .execute(Tuple.of(message.id(), message.tenant(), EventType.ENDPOINT_DISABLED.wireName())))
                .replaceWith(Optional.of(disabled));
    }

    /** Schedules a test message to one subscription only, tried once. */
    public Uni<Void> enqueueTest(UUID subscriptionId, WebhookMessage message) {
        return pool.withTransaction(connection -> insertMessages(connection, List.of(message), false)
                .chain(() -> connection.preparedQuery("""
                                insert into delivery (subscription_id, message_id, tenant, state, attempts,
                                                      next_attempt_at, test, created_at, updated_at)
                                values ($1, $2, $3, 'pending', 0, now(), true, now(), now())""")
                        .execute(Tuple.of(subscriptionId, message.id(), message.tenant())))
                .replaceWithVoid());
    }

    /**
     * Schedules one message to the subscription again, now, with a fresh schedule; the message id stays. False when
     * the subscription never had it.
     */
    public Uni<Boolean> redeliver(UUID subscriptionId, String messageId) {
        return pool.preparedQuery("""
                        update delivery
                        set state = 'pending', attempts = 0, next_attempt_at = now(), lease_until = null,
                            updated_at = now()
                        where subscription_id = $1 and message_id = $2 and not test""")
                .execute(Tuple.of(subscriptionId, messageId))
                .map(rows -> rows.rowCount() > 0);
    }

    /**
     * Schedules again, now, every message of the subscription's types stored since {@code since}: only those that
     * did not succeed ({@code onlyFailed}), or all, including messages stored while the endpoint was disabled or
     * before it listened to their type (if another subscription of the tenant did). Returns how many were scheduled.
     */
    public Uni<Integer> redeliverSince(Subscription subscription, Instant since, boolean onlyFailed) {
        String[] types = subscription.eventTypes().stream().map(EventType::wireName).toArray(String[]::new);
        if (onlyFailed) {
            return pool.preparedQuery("""
                            update delivery
                            set state = 'pending', attempts = 0, next_attempt_at = now(), lease_until = null,
                                updated_at = now()
                            where subscription_id = $1 and state = 'dead' and not test and created_at >= $2""")
                    .execute(Tuple.of(subscription.id(), Times.column(since)))
                    .map(rows -> rows.rowCount());
        }
        return pool.preparedQuery("""
                        insert into delivery (subscription_id, message_id, tenant, state, attempts, next_attempt_at,
                                              created_at, updated_at)
                        select $1, m.id, m.tenant, 'pending', 0, now(), now(), now()
                        from message m
                        where m.tenant = $2 and m.created_at >= $3 and m.event_type = any ($4)
                        on conflict (subscription_id, message_id) do update
                        set state = 'pending', attempts = 0, next_attempt_at = now(), lease_until = null,
                            updated_at = now()""")
                .execute(Tuple.of(subscription.id(), subscription.tenant(), Times.column(since), types))
                .map(rows -> rows.rowCount());
    }

    /** Deletes messages older than {@code before} with no pending delivery, their deliveries and old attempts. */
    public Uni<Integer> deleteOlderThan(Instant before) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                                delete from attempt where started_at < $1""")
                .execute(Tuple.of(Times.column(before)))
                .chain(() -> connection.preparedQuery("""
                                delete from message m
                                where m.created_at < $1
                                  and not exists (select 1 from delivery d
                                                  where d.message_id = m.id and d.state = 'pending')""")
                        .execute(Tuple.of(Times.column(before))))
                .map(rows -> rows.rowCount()));
    }

}
