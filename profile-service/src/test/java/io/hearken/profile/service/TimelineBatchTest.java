package io.hearken.profile.service;

import io.hearken.profile.domain.CustomerProfile;
import io.hearken.profile.domain.Identity;
import io.hearken.profile.domain.IdentityClaim;
import io.hearken.profile.domain.IdentityKind;
import io.hearken.profile.domain.RecordTouchpoint;
import io.hearken.profile.domain.TimelineFilter;
import io.hearken.profile.domain.Touchpoint;
import io.hearken.profile.domain.Trust;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The set-based path of the timeline: known customers in one transaction, everything else left to the slow path. */
@QuarkusTest
class TimelineBatchTest {

    @Inject
    ProfileService profiles;

    @Inject
    TimelineService timeline;

    @Test
    void knownCustomersAreRecordedTogetherAndTheRestIsLeftOver() throws Throwable {
        String tenant = "batch-" + UUID.randomUUID().toString().substring(0, 8);
        Identity known = new Identity(IdentityKind.CUSTOMER_ID, "C-" + UUID.randomUUID());
        Identity stranger = new Identity(IdentityKind.EMAIL, UUID.randomUUID() + "@example.com");
        UUID id = await(() -> profiles.upsert(tenant, claim(Trust.VERIFIED, known)));

        RecordTouchpoint later = response(tenant, "r-2", claim(Trust.VERIFIED, known), 9, "sms",
                Instant.parse("2026-11-02T10:00:00Z"));
        RecordTouchpoint earlier = response(tenant, "r-1", claim(Trust.VERIFIED, known), 3, "web",
                Instant.parse("2026-11-01T10:00:00Z"));
        RecordTouchpoint newCustomer = response(tenant, "r-3", claim(Trust.VERIFIED, stranger), 5, "web",
                Instant.parse("2026-11-03T10:00:00Z"));
        RecordTouchpoint claimedKnown = response(tenant, "r-4", claim(Trust.CLAIMED, known), 0, "web",
                Instant.parse("2026-11-04T10:00:00Z"));

        // The later answer comes first: the latest by time still wins.
        List<RecordTouchpoint> leftOver = await(() -> timeline.recordBatch(List.of(later, earlier, later,
                newCustomer, claimedKnown)));

        assertEquals(List.of(newCustomer, claimedKnown), leftOver, "new customers and claims go one by one");
        CustomerProfile profile = await(() -> profiles.details(tenant, id)).profile();
        assertEquals(2, profile.responseCount, "each response once, the repeat skipped");
        assertEquals(9, profile.lastNps);
        assertEquals(Instant.parse("2026-11-02T10:00:00Z"), profile.lastNpsAt);
        assertEquals("sms", profile.lastChannel);
        assertEquals(new BigDecimal("4.00"), profile.averageCsat());
        assertEquals(2, await(() -> profiles.timeline(tenant, id, TimelineFilter.ANY, null, 10)).touchpoints().size());

        // A second delivery of the same batch changes nothing.
        assertEquals(List.of(newCustomer, claimedKnown), await(() -> timeline.recordBatch(List.of(later, earlier,
                newCustomer, claimedKnown))));
        assertEquals(2, await(() -> profiles.details(tenant, id)).profile().responseCount);
    }

    private static IdentityClaim claim(Trust trust, Identity identity) {
        return new IdentityClaim(List.of(identity), trust, trust == Trust.VERIFIED ? "invitation" : "response-form");
    }

    private static RecordTouchpoint response(String tenant, String id, IdentityClaim claim, int nps, String channel,
                                             Instant at) {
        return new RecordTouchpoint(tenant, tenant + id, Touchpoint.RESPONSE, claim, channel, "support", null,
                "survey-1", tenant + id, nps, new BigDecimal("4"), null, null, at);
    }

    private static <T> T await(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }
}
