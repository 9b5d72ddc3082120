package io.hearken.survey.tracing;

import io.hearken.survey.TestSurveys;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With tracing on, one submission is one trace: the HTTP request and the Kafka append that keeps it. */
@QuarkusTest
@TestProfile(TracingTest.TracingOn.class)
class TracingTest {

    private static final String SUBMIT_ROUTE = "/v1/public/surveys/{surveyId}/responses";
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");

    /** Tracing switched on as an operator would, spans exported at once to memory. */
    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "50ms");
        }
    }

    /** Collects finished spans instead of sending them to a collector. */
    @ApplicationScoped
    static class SpanCollector {
        @Produces
        @Singleton
        InMemorySpanExporter exporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Test
    void submissionAndItsKafkaAppendShareOneTrace() {
        String surveyId = TestSurveys.createNpsSurvey("acme");
        spans.reset();
        String responseId = given().contentType(ContentType.JSON)
                .body("{\"channel\": \"chat\", \"answers\": {\"nps\": 9}}")
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202).extract().path("id");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> finished = spans.getFinishedSpanItems();
            // The survey's creation may be exported after the reset: pick the submission's span by its route.
            List<SpanData> servers = finished.stream()
                    .filter(span -> span.getKind() == SpanKind.SERVER)
                    .filter(span -> SUBMIT_ROUTE.equals(span.getAttributes().get(HttpAttributes.HTTP_ROUTE)))
                    .toList();
            assertEquals(1, servers.size(), "one submission, one server span: " + finished);
            SpanData server = servers.get(0);
            assertEquals(202L, server.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE));
            List<SpanData> producers = finished.stream()
                    .filter(span -> span.getKind() == SpanKind.PRODUCER)
                    .filter(span -> "hearken.responses".equals(span.getAttributes().get(DESTINATION)))
                    .toList();
            assertEquals(1, producers.size(), "one append to hearken.responses: " + finished);
            SpanData producer = producers.get(0);
            assertEquals(server.getTraceId(), producer.getTraceId(), "the append belongs to the request's trace");
            assertEquals(server.getSpanContext().getTraceId(), producer.getParentSpanContext().getTraceId());
            assertTrue(producer.getParentSpanContext().isValid(), "the append has a parent in the request");
        });
    }
}
