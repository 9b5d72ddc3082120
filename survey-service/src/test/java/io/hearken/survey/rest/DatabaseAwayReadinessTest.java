package io.hearken.survey.rest;

import io.hearken.testing.ReadinessDownContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Readiness is DOWN, naming the MongoDB check, while MongoDB cannot be reached. */
@QuarkusTest
@TestProfile(ReadinessDownContract.DatabaseAway.class)
class DatabaseAwayReadinessTest extends ReadinessDownContract {

    DatabaseAwayReadinessTest() {
        super("MongoDB");
    }
}
