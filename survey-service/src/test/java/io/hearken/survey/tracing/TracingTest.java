package io.hearken.survey.tracing;

import io.hearken.survey.TestSurveys;
import io.opentelemetry.api.trace.SpanKind;
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
        given().contentType(ContentType.JSON).body("{\"channel\": \"chat\", \"answers\": {\"nps\": 9}}")
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> finished = spans.getFinishedSpanItems();
            SpanData server = finished.stream()
                    .filter(span -> span.getKind() == SpanKind.SERVER && span.getName().startsWith("POST"))
                    .findFirst().orElseThrow(() -> new AssertionError("no server span in " + finished));
            SpanData producer = finished.stream()
                    .filter(span -> span.getKind() == SpanKind.PRODUCER && span.getName().contains("hearken.responses"))
                    .findFirst().orElseThrow(() -> new AssertionError("no producer span in " + finished));
            assertEquals(server.getTraceId(), producer.getTraceId());
            assertTrue(server.getAttributes().asMap().toString().contains("202"), server.toString());
        });
    }
}
