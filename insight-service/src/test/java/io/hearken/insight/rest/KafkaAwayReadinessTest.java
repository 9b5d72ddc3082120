package io.hearken.insight.rest;

import io.hearken.testing.ReadinessDownContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Readiness is DOWN, naming the Kafka connection check, while Kafka cannot be reached. */
@QuarkusTest
@TestProfile(ReadinessDownContract.KafkaAway.class)
class KafkaAwayReadinessTest extends ReadinessDownContract {

    KafkaAwayReadinessTest() {
        super("Kafka connection");
    }
}
