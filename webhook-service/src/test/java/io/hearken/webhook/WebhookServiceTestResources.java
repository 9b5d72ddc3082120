package io.hearken.webhook;

import io.hearken.testing.KafkaAndPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/** webhook-service tests run against the run's real Kafka broker and PostgreSQL (database hearken_webhook). */
@QuarkusTestResource(KafkaAndPostgresResource.class)
public final class WebhookServiceTestResources {

    private WebhookServiceTestResources() {
    }
}
