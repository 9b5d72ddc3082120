package io.hearken.profile.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One customer of one tenant, known by one or more identities across channels. */
@Entity
@Table(name = "customer_profile")
public class CustomerProfile {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static CustomerProfile create(String tenant, Instant now) {
        CustomerProfile profile = new CustomerProfile();
        profile.id = UUID.randomUUID();
        profile.tenant = tenant;
        profile.createdAt = now;
        profile.updatedAt = now;
        return profile;
    }
}
