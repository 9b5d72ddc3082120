package io.hearken.profile.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.common.events.ResponseAttributed;
import io.hearken.profile.domain.Identity;
import io.hearken.profile.domain.IdentityClaim;
import io.hearken.profile.domain.IdentityKind;
import io.hearken.profile.domain.RecordTouchpoint;
import io.hearken.profile.domain.Touchpoint;
import io.hearken.profile.domain.Trust;
import io.hearken.profile.messaging.ProfileEvents;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What announcing each recorded response with its customer's segments costs the timeline's set-based batch: batches
 * of 500 responses of known customers, recorded for a tenant without segments and for one with ten, median of 20
 * batches after 5 to warm up. Not part of the build (no Test suffix): run with
 * {@code ./mvnw -o test -pl common,testing,profile-service -Dtest=AttributionCostMeasurement}; figures in
 * docs/benchmarks.md ("Segment attribution").
 */
@QuarkusTest
class AttributionCostMeasurement {

    private static final int CUSTOMERS = 1000;
    private static final int BATCH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ProfileService profiles;

    @Inject
    TimelineService timeline;

    @Inject
    SegmentService segments;

    @Inject
    ProfileEvents events;

    @Test
    void measure() throws Throwable {
        for (int count : new int[] {0, 10, 30}) {
            String tenant = tenant(count);
            System.out.println("ATTRIBUTION " + count + " segments: batch " + medianMillis(tenant, false)
                    + " ms, attribution step alone " + medianMillis(tenant, true) + " ms, per " + BATCH + " responses");
        }
        System.out.println("ATTRIBUTION outbox relay: " + relayedPerSecond() + " events/s");
    }

    private final List<UUID> customers = new ArrayList<>();

    private String tenant(int segmentCount) throws Throwable {
        String tenant = "cost-" + UUID.randomUUID().toString().substring(0, 8);
        customers.clear();
        for (int i = 0; i < CUSTOMERS; i++) {
            Identity identity = new Identity(IdentityKind.CUSTOMER_ID, "C-" + i);
            customers.add(await(() -> profiles.upsert(tenant, new IdentityClaim(List.of(identity), Trust.VERIFIED,
                    "invitation"))));
        }
        String[] rules = {
            "{\"fact\": \"lastNps\", \"op\": \"lte\", \"value\": 6}",
            "{\"fact\": \"lastNps\", \"op\": \"gte\", \"value\": 9}",
            "{\"fact\": \"responseCount\", \"op\": \"gte\", \"value\": 3}",
            "{\"trait\": \"plan\", \"op\": \"eq\", \"value\": \"gold\"}",
            "{\"timeline\": {\"kind\": \"response.submitted\", \"stage\": \"support\", \"scoreMax\": 6, "
                    + "\"withinDays\": 90}}",
            "{\"all\": [{\"fact\": \"averageCsat\", \"op\": \"lt\", \"value\": 3}, "
                    + "{\"fact\": \"daysSinceLastContact\", \"op\": \"lt\", \"value\": 30}]}",
        };
        for (int i = 0; i < segmentCount; i++) {
            JsonNode rule = JSON.readTree(rules[i % rules.length]);
            String name = "segment " + i;
            await(() -> segments.create(tenant, name, rule));
        }
        return tenant;
    }

    /** The median time of recording a batch, or ({@code attributionOnly}) of announcing one with its segments. */
    private long medianMillis(String tenant, boolean attributionOnly) throws Throwable {
        List<Long> millis = new ArrayList<>();
        for (int round = 0; round < 25; round++) {
            List<RecordTouchpoint> batch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                String id = UUID.randomUUID().toString();
                batch.add(new RecordTouchpoint(tenant, id, Touchpoint.RESPONSE, new IdentityClaim(List.of(
                        new Identity(IdentityKind.CUSTOMER_ID, "C-" + ((round * BATCH + i) % CUSTOMERS))),
                        Trust.VERIFIED, "invitation"), "web", "support", null, "survey-1", id, i % 11,
                        new BigDecimal("4"), null, null, Instant.now()));
            }
            long started = System.nanoTime();
            if (attributionOnly) {
                List<UUID> profileIds = customers.subList(0, BATCH);
                await(() -> Panache.withTransaction(() -> segments.membershipsOf(tenant, profileIds, Instant.now())
                        .chain(members -> {
                            List<ResponseAttributed> attributions = new ArrayList<>();
                            for (RecordTouchpoint command : batch) {
                                UUID profile = profileIds.get(attributions.size() % profileIds.size());
                                attributions.add(new ResponseAttributed(UUID.randomUUID().toString(), tenant,
                                        command.responseId(), "survey-1", profile.toString(),
                                        members.getOrDefault(profile, List.of()), Instant.now()));
                            }
                            return events.attributedAll(attributions);
                        })));
            } else {
                assertEquals(List.of(), await(() -> timeline.recordBatch(batch)));
            }
            if (round >= 5) {
                millis.add((System.nanoTime() - started) / 1_000_000);
            }
        }
        Long[] sorted = millis.toArray(Long[]::new);
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** How fast the outbox relay appends 20,000 waiting attributions to the broker. */
    private long relayedPerSecond() throws Throwable {
        String tenant = "relay-" + UUID.randomUUID().toString().substring(0, 8);
        UUID profile = UUID.randomUUID();
        int count = 20_000;
        long started = System.nanoTime();
        for (int chunk = 0; chunk < count / 1000; chunk++) {
            List<ResponseAttributed> attributions = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                attributions.add(new ResponseAttributed(UUID.randomUUID().toString(), tenant,
                        UUID.randomUUID().toString(), "survey-1", profile.toString(), List.of(), Instant.now()));
            }
            await(() -> Panache.withTransaction(() -> events.attributedAll(attributions)));
        }
        while (waiting() > 0) {
            Thread.sleep(20);
        }
        return count * 1_000_000_000L / (System.nanoTime() - started);
    }

    private static long waiting() throws Throwable {
        return await(() -> Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select count(*) from outbox_event").getSingleResult())
                .map(count -> ((Number) count).longValue())));
    }

    private static <T> T await(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }
}
