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
import java.util.List;

import static io.hearken.insight.repository.AlertRepository.utc;

/**
 * A customer's recent churn signals (table {@code churn_signals}, one row per tenant and customer key) and the last
 * assessment announced for them. Every method works in the caller's transaction; {@link #lock} serialises the
 * assessments of one customer, so two transactions never announce from the same stale row.
 */
public final class ChurnSignalsRepository {

    private ChurnSignalsRepository() {
    }

    /** A customer's row as kept. */
    public record CustomerSignals(String tenant, String customerKey, Respondent respondent,
                                  List<ChurnSignals.DatedScore> npsAnswers, ChurnSignals.DatedSentiment sentiment,
                                  Integer riskScore, RiskBand riskBand) {
    }

    /**
     * Creates the customer's row if missing, fills in identities it lacked, locks it and returns it with the count
     * of the customer's unresolved cases.
     */
    public static Uni<CustomerSignals> lock(SqlConnection connection, String tenant, String customerKey,
                                            Respondent respondent, Instant now) {
        return connection.preparedQuery("""
                        insert into churn_signals (tenant, customer_key, customer_id, email, phone, verified,
                                                   updated_at)
                        values ($1, $2, $3, $4, $5, $6, $7)
                        on conflict (tenant, customer_key) do update
                        set customer_id = coalesce(churn_signals.customer_id, excluded.customer_id),
                            email = coalesce(churn_signals.email, excluded.email),
                            phone = coalesce(churn_signals.phone, excluded.phone),
                            verified = churn_signals.verified or excluded.verified""")
                .execute(Tuple.tuple().addString(tenant).addString(customerKey).addString(respondent.customerId())
                        .addString(respondent.email()).addString(respondent.phone())
                        .addBoolean(respondent.verified()).addOffsetDateTime(utc(now)))
                .chain(() -> connection.preparedQuery("""
                                select * from churn_signals where tenant = $1 and customer_key = $2 for update""")
                        .execute(Tuple.of(tenant, customerKey)))
                .map(rows -> read(rows.iterator().next()));
    }

    /** The customer's unresolved cases: those with their customer id, or, without one, their email. */
    public static Uni<Integer> unresolvedCases(SqlConnection connection, String tenant, String customerKey) {
        return connection.preparedQuery("""
                        select count(*) as unresolved
                        from follow_up_case c join alert a on a.id = c.alert_id
                        where c.tenant = $1 and c.status <> 'RESOLVED'
                          and (c.customer_id = $2 or (c.customer_id is null and a.respondent_email = $2))""")
                .execute(Tuple.of(tenant, customerKey))
                .map(rows -> rows.iterator().next().getLong("unresolved").intValue());
    }

    /** Keeps the customer's last two NPS answers and latest sentiment. */
    public static Uni<Void> saveSignals(SqlConnection connection, CustomerSignals signals, Instant now) {
        List<ChurnSignals.DatedScore> nps = signals.npsAnswers();
        ChurnSignals.DatedScore previous = nps.size() == 2 ? nps.get(0) : null;
        ChurnSignals.DatedScore latest = nps.isEmpty() ? null : nps.get(nps.size() - 1);
        ChurnSignals.DatedSentiment sentiment = signals.sentiment();
        return connection.preparedQuery("""
                        update churn_signals
                        set previous_nps = $3, previous_nps_at = $4, latest_nps = $5, latest_nps_at = $6,
                            latest_sentiment = $7, latest_sentiment_at = $8, updated_at = $9
                        where tenant = $1 and customer_key = $2""")
                .execute(Tuple.tuple().addString(signals.tenant()).addString(signals.customerKey())
                        .addInteger(previous == null ? null : previous.score().value())
                        .addOffsetDateTime(utc(previous == null ? null : previous.at()))
                        .addInteger(latest == null ? null : latest.score().value())
                        .addOffsetDateTime(utc(latest == null ? null : latest.at()))
                        .addDouble(sentiment == null ? null : sentiment.value())
                        .addOffsetDateTime(utc(sentiment == null ? null : sentiment.at()))
                        .addOffsetDateTime(utc(now)))
                .replaceWithVoid();
    }

    /** Records the assessment announced. */
    public static Uni<Void> saveAssessment(SqlConnection connection, String tenant, String customerKey, int score,
                                           RiskBand band, Instant assessedAt) {
        return connection.preparedQuery("""
                        update churn_signals set risk_score = $3, risk_band = $4, assessed_at = $5
                        where tenant = $1 and customer_key = $2""")
                .execute(Tuple.tuple().addString(tenant).addString(customerKey).addInteger(score)
                        .addString(band.name()).addOffsetDateTime(utc(assessedAt)))
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
