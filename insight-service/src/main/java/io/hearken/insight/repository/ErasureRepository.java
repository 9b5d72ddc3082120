package io.hearken.insight.repository;

import io.hearken.common.events.ProfileErased;
import io.hearken.insight.domain.Respondent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The customers erased, once each by erasure id (table {@code erasure}), and the anonymising of what identifies them
 * in alerts and follow-up cases (their customer and profile ids, emails and phones, and the notes written about
 * them), their churn signals and unsent events about them.
 */
@ApplicationScoped
public class ErasureRepository {

    private static final String CUSTOMER_ID = "customer_id";
    private static final String EMAIL = "email";
    private static final String PHONE = "phone";
    /** What an erased customer's case notes read afterwards. */
    static final String ERASED_NOTE = "[erased]";

    private final Pool pool;

    public ErasureRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Records the erasures not recorded before and anonymises the alerts and cases of each erased customer raised up
     * to its {@code erasedAt}, in one transaction; an erasure seen again (a redelivery) keeps the time it was first
     * applied and finds nothing left to anonymise.
     *
     * @return per erasure id, how many alerts and cases it anonymised
     */
    public Uni<Map<String, Long>> record(List<ProfileErased> erasures) {
        if (erasures.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Tuple> rows = erasures.stream()
                .map(erasure -> Tuple.of(erasure.erasureId(), erasure.tenant(), erasure.profileId(),
                        erasure.erasedAt().atOffset(ZoneOffset.UTC)))
                .toList();
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        insert into erasure (erasure_id, tenant, profile_id, erased_at)
                        values ($1, $2, $3, $4)
                        on conflict (erasure_id) do nothing""")
                .executeBatch(rows)
                .chain(() -> Multi.createFrom().iterable(erasures)
                        .onItem().transformToUniAndConcatenate(erasure -> anonymiseAlerts(connection, erasure)
                                .map(items -> Map.entry(erasure.erasureId(), items)))
                        // the same erasure twice in a batch (a redelivery) counts what the first one changed
                        .collect().in(HashMap<String, Long>::new,
                                (counts, entry) -> counts.merge(entry.getKey(), entry.getValue(), Long::sum))
                        .map(Map::copyOf)));
    }

    /**
     * Removes the customer's ids (customer id, email, phone) from their alerts and cases and blanks the notes on
     * those cases (an agent's account of talking to the customer is about them), deletes their churn signals and
     * drops unsent events about them; returns how many alerts, cases and signal rows changed.
     */
    private static Uni<Long> anonymiseAlerts(SqlConnection connection, ProfileErased erasure) {
        String[] customerIds = valuesOf(erasure, CUSTOMER_ID);
        String[] emails = valuesOf(erasure, EMAIL);
        String[] phones = valuesOf(erasure, PHONE);
        String[] customerKeys = Stream.concat(Arrays.stream(customerIds), Arrays.stream(emails))
                .toArray(String[]::new);
        return connection.preparedQuery("""
                        with alerts as (
                            update alert set customer_id = null, profile_id = null, respondent_email = null,
                                             respondent_phone = null, respondent_verified = false
                            where tenant = $1 and raised_at <= $2
                              and (customer_id = any($3::text[]) or profile_id = $4
                                   or respondent_email = any($6::text[]) or respondent_phone = any($7::text[]))
                            returning id),
                        cases as (
                            update follow_up_case set customer_id = null, profile_id = null, version = version + 1,
                                                      updated_at = now()
                            where alert_id in (select id from alerts)
                            returning id),
                        notes as (
                            update case_note set text = $5
                            where case_id in (select id from cases)
                            returning case_id)
                        select (select count(*) from alerts) + (select count(*) from cases) as items,
                               (select count(*) from notes) as notes""")
                .execute(Tuple.tuple().addString(erasure.tenant())
                        .addOffsetDateTime(erasure.erasedAt().atOffset(ZoneOffset.UTC)).addArrayOfString(customerIds)
                        .addString(erasure.profileId()).addString(ERASED_NOTE).addArrayOfString(emails)
                        .addArrayOfString(phones))
                .map(result -> result.iterator().next().getLong("items"))
                .chain(items -> ChurnSignalsRepository.erase(connection, erasure.tenant(), customerKeys, phones)
                        .map(signals -> items + signals));
    }

    /** The erased identities of one kind, normalised as they are kept here. */
    private static String[] valuesOf(ProfileErased erasure, String kind) {
        return erasure.identities().stream()
                .filter(identity -> kind.equals(identity.kind()))
                .map(identity -> EMAIL.equals(kind) ? Respondent.normaliseEmail(identity.value()) : identity.value())
                .toArray(String[]::new);
    }
}
