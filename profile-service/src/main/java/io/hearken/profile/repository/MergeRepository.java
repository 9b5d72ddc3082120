package io.hearken.profile.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The set-based steps of a merge, each one statement, run in the merge's transaction with both profiles locked.
 * The rules they implement are {@code ProfileMerger}'s.
 */
@ApplicationScoped
public class MergeRepository {

    /**
     * Turns the merged profile's claimed identities into verified ones (an operator vouched for them), dropping
     * those already verified elsewhere, which cannot be held twice.
     */
    public Uni<Integer> promoteClaimedIdentities(UUID merged, Instant now) {
        return Sql.update("""
                delete from profile_identity c where c.profile_id = ?1 and not c.verified
                  and exists (select 1 from profile_identity v where v.tenant = c.tenant and v.kind = c.kind
                              and v.value = c.value and v.verified)""", merged)
                .chain(() -> Sql.update("update profile_identity set verified = true, source = 'operator-merge', "
                        + "last_seen_at = ?2 where profile_id = ?1 and not verified", merged, now));
    }

    public Uni<Integer> moveIdentities(UUID survivor, UUID merged) {
        return Sql.update("update profile_identity set profile_id = ?1 where profile_id = ?2", survivor, merged);
    }

    public Uni<Integer> moveTimeline(UUID survivor, UUID merged) {
        return Sql.update("update touchpoint set profile_id = ?1 where profile_id = ?2", survivor, merged);
    }

    /** Traits: the value written last wins, whichever profile held it. */
    public Uni<Integer> mergeTraits(UUID survivor, UUID merged) {
        return Sql.update("""
                insert into profile_trait (profile_id, key, type, text_value, num_value, bool_value, date_value,
                                           source, updated_at)
                select ?1, key, type, text_value, num_value, bool_value, date_value, source, updated_at
                from profile_trait where profile_id = ?2
                on conflict (profile_id, key) do update set type = excluded.type, text_value = excluded.text_value,
                    num_value = excluded.num_value, bool_value = excluded.bool_value, date_value = excluded.date_value,
                    source = excluded.source, updated_at = excluded.updated_at
                where profile_trait.updated_at < excluded.updated_at""", survivor, merged)
                .chain(() -> Sql.update("delete from profile_trait where profile_id = ?1", merged));
    }

    /** Consent: the most restrictive answer per channel and purpose; the whole history moves along. */
    public Uni<Integer> mergeConsent(UUID survivor, UUID merged) {
        return Sql.update("""
                insert into profile_consent (profile_id, channel, purpose, status, updated_at)
                select ?1, channel, purpose, status, updated_at from profile_consent where profile_id = ?2
                on conflict (profile_id, channel, purpose) do update set
                    status = case when profile_consent.status = 'OPTED_OUT' or excluded.status = 'OPTED_OUT'
                                  then 'OPTED_OUT' else 'GRANTED' end,
                    updated_at = greatest(profile_consent.updated_at, excluded.updated_at)""", survivor, merged)
                .chain(() -> Sql.update("delete from profile_consent where profile_id = ?1", merged))
                .chain(() -> Sql.update("update consent_history set profile_id = ?1 where profile_id = ?2",
                        survivor, merged));
    }

    /** Possible matches of the merged profile become the survivor's; a link between the two disappears. */
    public Uni<Integer> moveLinks(UUID survivor, UUID merged) {
        return Sql.update("""
                insert into profile_link (profile_id, other_id, tenant, reason, created_at)
                select case when profile_id = ?2 then ?1 else profile_id end,
                       case when other_id = ?2 then ?1 else other_id end, tenant, reason, created_at
                from profile_link where (profile_id = ?2 or other_id = ?2)
                on conflict do nothing""", survivor, merged)
                .chain(() -> Sql.update("delete from profile_link where profile_id = ?1 or other_id = ?1 "
                        + "or profile_id = other_id", merged));
    }

    /** The merged row stays as a redirect; older redirects to it now point at the survivor (one hop). */
    public Uni<Integer> redirect(UUID survivor, UUID merged, boolean survivorVerified, Instant now) {
        return Sql.update("update customer_profile set merged_into = ?1, updated_at = ?2, response_count = 0, "
                        + "last_nps = null, last_nps_at = null, csat_sum = 0, csat_count = 0 "
                        + "where id = ?3 or merged_into = ?3", survivor, now, merged)
                // The churn risk of the newer assessment is the customer's: its score, band and reasons together.
                .chain(() -> Sql.update("""
                                update customer_profile s set trust = ?2,
                                    churn_risk = case when newer then m.churn_risk else s.churn_risk end,
                                    churn_risk_band = case when newer then m.churn_risk_band else s.churn_risk_band end,
                                    churn_risk_reasons = case when newer then m.churn_risk_reasons
                                                              else s.churn_risk_reasons end,
                                    churn_risk_assessed_at = case when newer then m.churn_risk_assessed_at
                                                                  else s.churn_risk_assessed_at end
                                from (select churn_risk, churn_risk_band, churn_risk_reasons, churn_risk_assessed_at,
                                             churn_risk_assessed_at > coalesce(
                                                 (select churn_risk_assessed_at from customer_profile where id = ?1),
                                                 '-infinity') as newer
                                      from customer_profile where id = ?3) m
                                where s.id = ?1""", survivor, survivorVerified ? "VERIFIED" : "CLAIMED", merged));
    }

    public Uni<Integer> audit(UUID mergeId, String tenant, UUID survivor, UUID merged, String reason, String actor,
                              Instant now) {
        return Sql.update("insert into profile_merge (id, tenant, survivor_id, merged_id, reason, actor, merged_at) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7)", mergeId, tenant, survivor, merged, reason, actor, now);
    }

    /** Links two profiles as a possible match, both ways. */
    public Uni<Integer> link(String tenant, UUID one, UUID other, String reason, Instant now) {
        return Sql.update("insert into profile_link (profile_id, other_id, tenant, reason, created_at) "
                + "values (?1, ?2, ?3, ?4, ?5), (?2, ?1, ?3, ?4, ?5) on conflict do nothing", one, other, tenant,
                reason, now);
    }

    public Uni<List<UUID>> possibleMatches(UUID profileId) {
        return Sql.rows("select other_id from profile_link where profile_id = ?1 order by created_at", profileId)
                .map(rows -> rows.stream().map(row -> (UUID) row[0]).toList());
    }
}
