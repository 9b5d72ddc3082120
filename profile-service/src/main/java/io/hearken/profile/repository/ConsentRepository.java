package io.hearken.profile.repository;

import io.hearken.profile.domain.ConsentRecord;
import io.hearken.profile.domain.ConsentState;
import io.hearken.profile.domain.ContactRules.FrequencyCap;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Consent per profile, channel and purpose, every decision kept in the history; and the tenants' contact caps. */
@ApplicationScoped
public class ConsentRepository {

    public Uni<Integer> record(UUID profileId, String channel, String purpose, String status, String source,
                               String actor, String wording, Instant now) {
        return Sql.update("insert into consent_history (id, profile_id, channel, purpose, status, source, actor, "
                        + "wording, recorded_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", UUID.randomUUID(),
                profileId, channel, purpose, status, source, actor, wording, now)
                .chain(() -> Sql.update("insert into profile_consent (profile_id, channel, purpose, status, "
                        + "updated_at) values (?1, ?2, ?3, ?4, ?5) on conflict (profile_id, channel, purpose) do "
                        + "update set status = excluded.status, updated_at = excluded.updated_at", profileId, channel,
                        purpose, status, now));
    }

    public Uni<List<ConsentState>> current(UUID profileId) {
        return Sql.rows("select channel, purpose, status, updated_at from profile_consent where profile_id = ?1 "
                + "order by channel, purpose", profileId).map(rows -> rows.stream()
                .map(row -> new ConsentState((String) row[0], (String) row[1], (String) row[2],
                        IdentityRepository.instant(row[3])))
                .toList());
    }

    public Uni<List<ConsentRecord>> history(UUID profileId) {
        return Sql.rows("select channel, purpose, status, source, actor, wording, recorded_at from consent_history "
                + "where profile_id = ?1 order by recorded_at desc", profileId).map(rows -> rows.stream()
                .map(row -> new ConsentRecord((String) row[0], (String) row[1], (String) row[2],
                        (String) row[3], (String) row[4], (String) row[5], IdentityRepository.instant(row[6])))
                .toList());
    }

    /** The tenant's cap, if it set one. */
    public Uni<Optional<FrequencyCap>> contactCap(String tenant) {
        return Sql.rows("select max_contacts, per_days from contact_policy where tenant = ?1", tenant)
                .map(rows -> rows.stream().findFirst()
                        .map(row -> new FrequencyCap(((Number) row[0]).intValue(), ((Number) row[1]).intValue())));
    }

    public Uni<Integer> setContactCap(String tenant, int maxContacts, int perDays, Instant now) {
        return Sql.update("insert into contact_policy (tenant, max_contacts, per_days, updated_at) values "
                + "(?1, ?2, ?3, ?4) on conflict (tenant) do update set max_contacts = excluded.max_contacts, "
                + "per_days = excluded.per_days, updated_at = excluded.updated_at", tenant, maxContacts, perDays, now);
    }
}
