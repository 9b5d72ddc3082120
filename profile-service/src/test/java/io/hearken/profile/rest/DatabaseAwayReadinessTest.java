package io.hearken.profile.rest;

import io.hearken.testing.ReadinessDownContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Readiness is DOWN, naming the PostgreSQL check, while PostgreSQL cannot be reached. */
@QuarkusTest
@TestProfile(ReadinessDownContract.DatabaseAway.class)
class DatabaseAwayReadinessTest extends ReadinessDownContract {

    DatabaseAwayReadinessTest() {
        super("PostgreSQL");
    }
}
