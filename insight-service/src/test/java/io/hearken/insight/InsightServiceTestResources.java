package io.hearken.insight;

import io.hearken.testing.KafkaAndPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/** insight-service tests run against the run's real Kafka broker and PostgreSQL. */
@QuarkusTestResource(KafkaAndPostgresResource.class)
public final class InsightServiceTestResources {

    private InsightServiceTestResources() {
    }
}
