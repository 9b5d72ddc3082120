package io.hearken.profile.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An identifier (email, phone, customer id) that points at exactly one profile of a tenant. */
@Entity
@Table(name = "profile_identity")
public class ProfileIdentity {

    @Id
    public UUID id;

    @Column(name = "profile_id", nullable = false)
    public UUID profileId;

    @Column(nullable = false)
    public String tenant;

    /** Lower-case {@link IdentityKind} name. */
    @Column(nullable = false)
    public String kind;

    /** Normalised value: emails lower-cased, phones without spaces. */
    @Column(nullable = false)
    public String value;

    @Column(nullable = false)
    public boolean verified;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static ProfileIdentity of(CustomerProfile profile, IdentityKind kind, String value, Instant now) {
        ProfileIdentity identity = new ProfileIdentity();
        identity.id = UUID.randomUUID();
        identity.profileId = profile.id;
        identity.tenant = profile.tenant;
        identity.kind = kind.column();
        identity.value = value;
        identity.createdAt = now;
        return identity;
    }
}
