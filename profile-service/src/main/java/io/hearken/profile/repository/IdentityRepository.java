package io.hearken.profile.repository;

import io.hearken.profile.domain.Identity;
import io.hearken.profile.domain.IdentityKind;
import io.hearken.profile.domain.KnownIdentity;
import io.hearken.profile.domain.ProfileIdentity;
import io.hearken.profile.domain.Trust;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The identities profiles are known by, and the look-ups that resolve an event to a profile. */
@ApplicationScoped
public class IdentityRepository implements PanacheRepositoryBase<ProfileIdentity, UUID> {

    /** Every held identity (verified or claimed) equal to one of {@code identities}, with its profile's age. */
    public Uni<List<KnownIdentity>> findMatches(String tenant, List<Identity> identities) {
        if (identities.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        StringBuilder sql = new StringBuilder("select i.kind, i.value, i.verified, i.profile_id, p.created_at "
                + "from profile_identity i join customer_profile p on p.id = i.profile_id where i.tenant = ?1 and (");
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenant);
        for (int i = 0; i < identities.size(); i++) {
            sql.append(i == 0 ? "" : " or ").append("(i.kind = ?").append(parameters.size() + 1)
                    .append(" and i.value = ?").append(parameters.size() + 2).append(")");
            parameters.add(identities.get(i).kind().wireName());
            parameters.add(identities.get(i).value());
        }
        sql.append(")");
        return Sql.rows(sql.toString(), parameters.toArray()).map(rows -> rows.stream()
                .map(row -> new KnownIdentity(
                        new Identity(IdentityKind.fromWire((String) row[0]).orElseThrow(), (String) row[1]),
                        (Boolean) row[2], (UUID) row[3], instant(row[4])))
                .toList());
    }

    /** A profile found by one of its identities, with all of them: what a look-up answers. */
    public record Holder(UUID profileId, Trust trust, List<ProfileIdentity> identities) {
    }

    /**
     * The profile holding {@code identity} (its verified holder if there is one, else the claimed one) with all its
     * identities, in one statement: the look-up a channel or a partner does before anything else.
     */
    public Uni<Holder> holder(String tenant, Identity identity) {
        return Sql.rows("""
                select p.id, p.trust, h.kind, h.value, h.verified, h.source, h.created_at, h.last_seen_at, h.id
                from profile_identity i
                join customer_profile p on p.id = i.profile_id
                join profile_identity h on h.profile_id = p.id
                where i.tenant = ?1 and i.kind = ?2 and i.value = ?3
                order by i.verified desc, h.verified desc, h.created_at""", tenant, identity.kind().wireName(),
                identity.value()).map(rows -> {
                    if (rows.isEmpty()) {
                        return null;
                    }
                    UUID profileId = (UUID) rows.get(0)[0];
                    List<ProfileIdentity> held = new ArrayList<>();
                    for (Object[] row : rows) {
                        if (!profileId.equals(row[0])) {
                            continue;
                        }
                        ProfileIdentity one = new ProfileIdentity();
                        one.id = (UUID) row[8];
                        one.profileId = profileId;
                        one.tenant = tenant;
                        one.kind = (String) row[2];
                        one.value = (String) row[3];
                        one.verified = (Boolean) row[4];
                        one.source = (String) row[5];
                        one.createdAt = instant(row[6]);
                        one.lastSeenAt = instant(row[7]);
                        held.add(one);
                    }
                    return new Holder(profileId, Trust.valueOf((String) rows.get(0)[1]), held);
                });
    }

    public Uni<ProfileIdentity> findIdentity(String tenant, Identity identity, boolean verified) {
        return find("tenant = ?1 and kind = ?2 and value = ?3 and verified = ?4", tenant,
                identity.kind().wireName(), identity.value(), verified).firstResult();
    }

    /** The identities of a profile, verified first, strongest kind first. */
    public Uni<List<ProfileIdentity>> findByProfile(UUID profileId) {
        return list("profileId = ?1 order by verified desc, createdAt", profileId);
    }

    public Uni<Integer> touch(UUID profileId, List<Identity> identities, boolean verified, Instant now) {
        if (identities.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<String> keys = identities.stream().map(Identity::key).toList();
        return update("lastSeenAt = ?1 where profileId = ?2 and verified = ?3 and concat(kind, ':', value) in ?4",
                now, profileId, verified, keys);
    }

    static Instant instant(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (column instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) column;
    }
}
