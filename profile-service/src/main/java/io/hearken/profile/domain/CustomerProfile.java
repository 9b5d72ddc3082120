package io.hearken.profile.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/**
 * One customer of one tenant, known by one or more identities across channels. {@code trust} says whether those
 * identities are verified or only claimed (never a mix, see {@link Resolution}). A merged profile keeps its row,
 * empty, with {@code mergedInto} naming its survivor. The computed traits are kept from the timeline.
 */
@Entity
@Table(name = "customer_profile")
public class CustomerProfile {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Trust trust;

    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "response_count", nullable = false)
    public int responseCount;

    @Column(name = "last_nps")
    public Integer lastNps;

    @Column(name = "last_nps_at")
    public Instant lastNpsAt;

    @Column(name = "csat_sum", nullable = false)
    public BigDecimal csatSum = BigDecimal.ZERO;

    @Column(name = "csat_count", nullable = false)
    public int csatCount;

    @Column(name = "last_contact_at")
    public Instant lastContactAt;

    @Column(name = "last_channel")
    public String lastChannel;

    @Column(name = "churn_risk")
    public BigDecimal churnRisk;

    public static CustomerProfile create(String tenant, Trust trust, Instant now) {
        CustomerProfile profile = new CustomerProfile();
        profile.id = UUID.randomUUID();
        profile.tenant = tenant;
        profile.trust = trust;
        profile.createdAt = now;
        profile.updatedAt = now;
        return profile;
    }

    public boolean isMerged() {
        return mergedInto != null;
    }

    /** Mean CSAT on the answers' own scale, or null before the first one. */
    public BigDecimal averageCsat() {
        return csatCount == 0 ? null : csatSum.divide(BigDecimal.valueOf(csatCount), 2, RoundingMode.HALF_UP);
    }
}
