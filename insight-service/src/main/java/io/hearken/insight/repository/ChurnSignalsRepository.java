package io.hearken.insight.repository;

import io.hearken.insight.domain.ChurnSignals;
import io.hearken.insight.domain.Respondent;
import io.hearken.insight.domain.RiskBand;
import io.hearken.insight.domain.ScaleScore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.hearken.insight.repository.AlertRepository.utc;

/**
 * A customer's recent churn signals (table {@code churn_signals}, one row per tenant and customer key) and the last
 * assessment announced for them. Every method works in the caller's transaction and takes a whole batch of customers
 * in one statement (one round trip), so a consumer's batch costs a handful of statements however many customers it
 * names; {@link #lock} serialises the assessments of one customer, so two transactions never announce from the
 * same stale row.
 */
public final class ChurnSignalsRepository {

    private ChurnSignalsRepository() {
    }

    /** One customer of a tenant, by the key churn signals are kept under (the customer id, else the email). */
    public record CustomerRef(String tenant, String customerKey) {

        /** The customers as two parallel arrays, tenants then keys, for {@code unnest($1::text[], $2::text[])}. */
        static Tuple columns(List<CustomerRef> customers) {
            return Tuple.of(customers.stream().map(CustomerRef::tenant).toArray(String[]::new),
                    customers.stream().map(CustomerRef::customerKey).toArray(String[]::new));
        }
    }

    /** A customer's row as kept. */
    public record CustomerSignals(String tenant, String customerKey, Respondent respondent,
                                  List<ChurnSignals.DatedScore> npsAnswers, ChurnSignals.DatedSentiment sentiment,
                                  Integer riskScore, RiskBand riskBand) {

        public CustomerRef ref() {
            return new CustomerRef(tenant, customerKey);
        }
    }

    /**
     * Creates the rows of the customers not kept yet and locks every one, one statement each for the whole list,
     * in the list's order: callers give it in one order (customer order), so two transactions never wait for each
     * other. Locking comes after sorting by the list's position ({@code for update} above {@code order by}).
     */
    public static Uni<Map<CustomerRef, CustomerSignals>> lock(SqlConnection connection, List<CustomerRef> customers,
                                                              Instant now) {
        return connection.preparedQuery("""
                        insert into churn_signals (tenant, customer_key, updated_at)
                        select k.tenant, k.customer_key, $3
                        from unnest($1::text[], $2::text[]) with ordinality as k(tenant, customer_key, position)
                        order by k.position
                        on conflict (tenant, customer_key) do nothing""")
                .execute(CustomerRef.columns(customers).addOffsetDateTime(utc(now)))
                .chain(() -> connection.preparedQuery("""
                                select s.*
                                from unnest($1::text[], $2::text[]) with ordinality as k(tenant, customer_key, position)
                                join churn_signals s on s.tenant = k.tenant and s.customer_key = k.customer_key
                                order by k.position
                                for update of s""")
                        .execute(CustomerRef.columns(customers)))
                .map(rows -> {
                    Map<CustomerRef, CustomerSignals> kept = new HashMap<>();
                    for (Row row : rows) {
                        CustomerSignals signals = read(row);
                        kept.put(signals.ref(), signals);
                    }
                    return kept;
                });
    }

    /**
     * Each customer's unresolved cases: those with their customer id, or, without one, raised on their email. One
     * statement for the whole list; both halves use an index.
     */
    public static Uni<Map<CustomerRef, Integer>> unresolvedCases(SqlConnection connection,
                                                                  List<CustomerRef> customers) {
        return connection.preparedQuery("""
                        select k.tenant, k.customer_key,
                               (select count(*) from follow_up_case c
                                where c.tenant = k.tenant and c.customer_id = k.customer_key
                                  and c.status <> 'RESOLVED')
                             + (select count(*) from alert a join follow_up_case c on c.alert_id = a.id
                                where a.tenant = k.tenant and a.respondent_email = k.customer_key
                                  and c.tenant = k.tenant and c.customer_id is null
                                  and c.status <> 'RESOLVED') as unresolved
                        from unnest($1::text[], $2::text[]) as k(tenant, customer_key)""")
                .execute(CustomerRef.columns(customers))
                .map(rows -> {
                    Map<CustomerRef, Integer> unresolved = new HashMap<>();
                    for (Row row : rows) {
                        unresolved.put(new CustomerRef(row.getString("tenant"), row.getString("customer_key")),
                                row.getLong("unresolved").intValue());
                    }
                    return unresolved;
                });
    }

    /**
     * Keeps each customer's identities, last two NPS answers, latest sentiment and last assessment, in one round trip
     * for the whole list; {@code assessed} names the customers assessed anew ({@code assessed_at} moves for them).
     */
    public static Uni<Void> save(SqlConnection connection, List<CustomerSignals> customers, Set<CustomerRef> assessed,
                                 Instant now) {
        if (customers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(customers.size());
        for (CustomerSignals signals : customers) {
            List<ChurnSignals.DatedScore> nps = signals.npsAnswers();
            ChurnSignals.DatedScore previous = nps.size() == 2 ? nps.get(0) : null;
            ChurnSignals.DatedScore latest = nps.isEmpty() ? null : nps.get(nps.size() - 1);
            ChurnSignals.DatedSentiment sentiment = signals.sentiment();
            Respondent respondent = signals.respondent();
            rows.add(Tuple.tuple().addString(signals.tenant()).addString(signals.customerKey())
                    .addString(respondent.customerId()).addString(respondent.email())
                    .addString(respondent.phone()).addBoolean(respondent.verified())
                    .addInteger(previous == null ? null : previous.score().value())
                    .addOffsetDateTime(utc(previous == null ? null : previous.at()))
                    .addInteger(latest == null ? null : latest.score().value())
                    .addOffsetDateTime(utc(latest == null ? null : latest.at()))
                    .addDouble(sentiment == null ? null : sentiment.value())
                    .addOffsetDateTime(utc(sentiment == null ? null : sentiment.at()))
                    .addInteger(signals.riskScore())
                    .addString(signals.riskBand() == null ? null : signals.riskBand().name())
                    .addBoolean(assessed.contains(signals.ref()))
                    .addOffsetDateTime(utc(now)));
        }
        return connection.preparedQuery("""
                        update churn_signals
                        set customer_id = $3, email = $4, phone = $5, verified = $6,
                            previous_nps = $7, previous_nps_at = $8, latest_nps = $9, latest_nps_at = $10,
                            latest_sentiment = $11, latest_sentiment_at = $12, risk_score = $13, risk_band = $14,
                            assessed_at = case when $15 then $16 else assessed_at end, updated_at = $16
                        where tenant = $1 and customer_key = $2""")
                .executeBatch(rows)
                .replaceWithVoid();
    }

    /**
     * Deletes the rows of the tenant's customers known by one of these keys (customer ids, emails) or phones, and
     * first the unsent events about them (an erasure); returns how many rows.
     */
    static Uni<Long> erase(SqlConnection connection, String tenant, String[] customerKeys, String[] phones) {
        return connection.preparedQuery("""
                        with erased as (
                            delete from churn_signals
                            where tenant = $1 and (customer_key = any($2::text[]) or customer_id = any($2::text[])
                                                   or email = any($2::text[]) or phone = any($3::text[]))
                            returning customer_key),
                        unsent as (
                            delete from outbox_event
                            where tenant = $1 and (customer_key = any($2::text[])
                                                   or customer_key in (select customer_key from erased)))
                        select count(*) as erased from erased""")
                .execute(Tuple.of(tenant, customerKeys, phones))
                .map(result -> result.iterator().next().getLong("erased"));
    }

    private static CustomerSignals read(Row row) {
        List<ChurnSignals.DatedScore> nps = new ArrayList<>();
        if (row.getInteger("previous_nps") != null) {
            nps.add(new ChurnSignals.DatedScore(ScaleScore.nps(row.getInteger("previous_nps")),
                    instant(row, "previous_nps_at")));
        }
        if (row.getInteger("latest_nps") != null) {
            nps.add(new ChurnSignals.DatedScore(ScaleScore.nps(row.getInteger("latest_nps")),
                    instant(row, "latest_nps_at")));
        }
        Double sentiment = row.getDouble("latest_sentiment");
        String band = row.getString("risk_band");
        return new CustomerSignals(row.getString("tenant"), row.getString("customer_key"),
                new Respondent(row.getString("customer_id"), row.getString("email"), row.getString("phone"),
                        row.getBoolean("verified")), nps,
                sentiment == null ? null : new ChurnSignals.DatedSentiment(sentiment, instant(row,
                        "latest_sentiment_at")),
                row.getInteger("risk_score"), band == null ? null : RiskBand.valueOf(band));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
