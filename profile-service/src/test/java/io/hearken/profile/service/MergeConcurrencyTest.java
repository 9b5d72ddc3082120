package io.hearken.profile.service;

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

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Events for the identities of two profiles arrive from many threads while a verified response and an operator
 * prove the profiles one customer: nothing is lost, nothing is doubled, nothing deadlocks.
 */
@QuarkusTest
class MergeConcurrencyTest {

    private static final int EVENTS = 60;

    @Inject
    ProfileService profiles;

    @Inject
    TimelineService timeline;

    @Test
    void eventsArrivingWhileProfilesMergeLandOnceOnTheSurvivor() throws Exception {
        String tenant = "merge-" + UUID.randomUUID().toString().substring(0, 8);
        Identity crm = new Identity(IdentityKind.CUSTOMER_ID, "C-" + UUID.randomUUID());
        Identity email = new Identity(IdentityKind.EMAIL, UUID.randomUUID() + "@example.com");
        Identity phone = new Identity(IdentityKind.PHONE, "+8190" + (10_000_000 + (int) (Math.random() * 89_999_999)));
        UUID first = await(() -> profiles.upsert(tenant, verified(crm)));
        UUID second = await(() -> profiles.upsert(tenant, verified(email)));
        UUID third = await(() -> profiles.upsert(tenant, verified(phone)));

        List<Callable<Object>> work = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            Identity who = List.of(crm, email, phone).get(i % 3);
            String eventId = tenant + "-" + i;
            work.add(() -> await(() -> timeline.record(touchpoint(tenant, eventId, verified(who)))));
            if (i == EVENTS / 3) {
                // A signed invitation names the CRM id and the email: profiles one and two are one customer.
                work.add(() -> await(() -> timeline.record(touchpoint(tenant, tenant + "-link",
                        verified(crm, email)))));
            }
            if (i == EVENTS / 2) {
                work.add(() -> await(() -> profiles.merge(tenant, third, second, "admin:test")));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> done = pool.invokeAll(work, 120, TimeUnit.SECONDS);
            for (Future<Object> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        UUID survivor = await(() -> profiles.findByIdentity(tenant, crm));
        assertEquals(survivor, await(() -> profiles.findByIdentity(tenant, email)));
        assertEquals(survivor, await(() -> profiles.findByIdentity(tenant, phone)));
        assertEquals(first, survivor, "the oldest verified profile survives");
        for (UUID merged : List.of(second, third)) {
            ProfileLookup.Merged redirect = assertThrows(ProfileLookup.Merged.class,
                    () -> await(() -> profiles.details(tenant, merged)));
            assertEquals(survivor, redirect.survivorId());
        }

        List<Touchpoint> all = new ArrayList<>();
        String cursor = null;
        do {
            String after = cursor;
            ProfileService.TimelinePage page = await(() -> profiles.timeline(tenant, survivor, TimelineFilter.ANY,
                    after, 500));
            all.addAll(page.touchpoints());
            cursor = page.nextCursor();
        } while (cursor != null);
        Set<String> sources = new HashSet<>();
        all.forEach(touchpoint -> sources.add(touchpoint.sourceEventId));
        assertEquals(EVENTS + 1, all.size(), "every event once");
        assertEquals(EVENTS + 1, sources.size(), "no event twice");
        assertEquals(EVENTS + 1, await(() -> profiles.details(tenant, survivor)).profile().responseCount,
                "the computed traits count every response once");
    }

    private static IdentityClaim verified(Identity... identities) {
        return new IdentityClaim(List.of(identities), Trust.VERIFIED, "invitation");
    }

    private static RecordTouchpoint touchpoint(String tenant, String eventId, IdentityClaim claim) {
        return new RecordTouchpoint(tenant, eventId, Touchpoint.RESPONSE, claim, "web", "usage", null, "survey-1",
                eventId, 7, null, null, null, Instant.now());
    }

    private static <T> T await(Supplier<Uni<T>> work) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Exception e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
