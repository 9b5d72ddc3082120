package io.hearken.profile.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An identity a profile is known by, with where it came from and whether it is verified. A value is held at most
 * once verified and once claimed per tenant ({@link Resolution}).
 */
@Entity
@Table(name = "profile_identity")
public class ProfileIdentity {

    @Id
    public UUID id;

    @Column(name = "profile_id", nullable = false)
    public UUID profileId;

    @Column(nullable = false)
    public String tenant;

    /** {@link IdentityKind#wireName()}. */
    @Column(nullable = false)
    public String kind;

    /** Normalised by its kind: emails lower-cased, phones in E.164. */
    @Column(nullable = false)
    public String value;

    @Column(nullable = false)
    public boolean verified;

    /** Who said so: invitation, response-form, admin-api, partner-api, import, operator-merge. */
    @Column(nullable = false)
    public String source;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    public static ProfileIdentity of(UUID profileId, String tenant, Identity identity, Trust trust, String source,
                                     Instant now) {
        ProfileIdentity held = new ProfileIdentity();
        held.id = UUID.randomUUID();
        held.profileId = profileId;
        held.tenant = tenant;
        held.kind = identity.kind().wireName();
        held.value = identity.value();
        held.verified = trust == Trust.VERIFIED;
        held.source = source;
        held.createdAt = now;
        held.lastSeenAt = now;
        return held;
    }
}
