package io.hearken.webhook;

import io.hearken.testing.KafkaAndPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * webhook-service tests run against the run's real Kafka broker and PostgreSQL, and a stand-in for survey-service
 * that takes in the feedback partners post to inbound sources.
 */
@QuarkusTestResource(KafkaAndPostgresResource.class)
@QuarkusTestResource(SurveyServiceStandIn.class)
public final class WebhookServiceTestResources {

    private WebhookServiceTestResources() {
    }
}
