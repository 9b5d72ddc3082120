package io.hearken.profile;

import io.hearken.testing.KafkaAndPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/** profile-service tests run against the run's real Kafka broker and PostgreSQL. */
@QuarkusTestResource(KafkaAndPostgresResource.class)
public final class ProfileServiceTestResources {

    private ProfileServiceTestResources() {
    }
}
