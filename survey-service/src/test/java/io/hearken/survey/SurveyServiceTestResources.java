package io.hearken.survey;

import io.hearken.testing.InProcessMongoResource;
import io.hearken.testing.KafkaAndPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/** The servers every survey-service test runs against: the run's real Kafka broker and a Mongo-protocol server. */
@QuarkusTestResource(KafkaAndPostgresResource.class)
@QuarkusTestResource(InProcessMongoResource.class)
public final class SurveyServiceTestResources {

    private SurveyServiceTestResources() {
    }
}
