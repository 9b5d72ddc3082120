package io.hearken.webhook;

import io.hearken.common.security.GatewayCredential;
import io.hearken.common.security.GatewayCredentials;
import io.hearken.common.security.InvalidCredentialException;
import io.hearken.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * survey-service's feedback ingestion as webhook-service meets it, on a free local port: it admits only a
 * credential signed for survey-service with the run's key, refuses feedback with neither text nor rating as
 * survey-service does (400 naming {@code text}), keeps an item once per tenant, source and external id (201, then
 * 200 duplicate), and records every item it kept or found a duplicate of. A test can make it answer 503 or stop
 * listening, to play survey-service in trouble. Injected into a test's field marked {@link Inject}.
 */
public class SurveyServiceStandIn implements QuarkusTestResourceLifecycleManager {

    /** Marks the test field that receives the running stand-in. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    /** What the stand-in took in: the credential's tenant and caller, and the body. */
    public record Received(String tenant, String caller, JsonObject feedback) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, String> kept = new ConcurrentHashMap<>();
    private volatile boolean failing;
    private Vertx vertx;
    private HttpServer server;
    private int port;
    private GatewayCredentials credentials;

    @Override
    public Map<String, String> start() {
        credentials = new GatewayCredentials(TestInfrastructure.settings(false).get("HEARKEN_CREDENTIAL_KEY"),
                Duration.ofSeconds(60), Clock.systemUTC());
        vertx = Vertx.vertx();
        listen(0);
        return Map.of("quarkus.rest-client.survey-service.url", "http://127.0.0.1:" + port);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.AnnotatedAndMatchesType(Inject.class,
                SurveyServiceStandIn.class));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            await(vertx.close());
        }
    }

    /** Every item taken in so far, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** What was taken in for {@code externalId} (the source's id of the item). */
    public List<Received> receivedWithExternalId(String externalId) {
        return received.stream().filter(item -> externalId.equals(item.feedback().getString("externalId")))
                .toList();
    }

    /** From now on answers 503 problem+json, as survey-service does when Kafka or MongoDB is away. */
    public void failing(boolean failing) {
        this.failing = failing;
    }

    /** Stops listening: connections are refused, as when survey-service is down. */
    public void goDown() {
        if (server != null) {
            await(server.close());
            server = null;
        }
    }

    /** Listens again on the same port. */
    public void comeBack() {
        if (server == null) {
            listen(port);
        }
    }

    private void listen(int on) {
        server = await(vertx.createHttpServer().requestHandler(this::answer).listen(on, "127.0.0.1"));
        port = server.actualPort();
    }

    private void answer(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            if (!"POST".equals(request.method().name()) || !"/v1/feedback".equals(request.path())) {
                problem(request, 404, "not-found", List.of());
                return;
            }
            GatewayCredential credential;
            try {
                credential = credentials.verify(request.getHeader(GatewayCredentials.HEADER), "survey-service");
            } catch (InvalidCredentialException e) {
                problem(request, 401, "unauthorized", List.of());
                return;
            }
            if (failing) {
                request.response().putHeader("Retry-After", "2");
                problem(request, 503, "unavailable", List.of());
                return;
            }
            JsonObject feedback = new JsonObject(body.toString(StandardCharsets.UTF_8));
            if (feedback.getString("text") == null && feedback.getInteger("rating") == null) {
                problem(request, 400, "validation", List.of(new JsonObject().put("field", "text")
                        .put("message", "must be given when there is no rating")));
                return;
            }
            String key = credential.tenant() + "/" + feedback.getString("source") + "/"
                    + feedback.getString("externalId");
            String id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
            boolean created = kept.putIfAbsent(key, id) == null;
            received.add(new Received(credential.tenant(), credential.caller(), feedback));
            request.response().setStatusCode(created ? 201 : 200).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("id", id).put("status", created ? "created" : "duplicate")
                            .put("changed", false).encode());
        });
    }

    private static void problem(HttpServerRequest request, int status, String type, List<JsonObject> errors) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "https://hearken.io/problems/" + type).put("title", type)
                        .put("status", status).put("detail", "The stand-in says " + type + ".")
                        .put("errors", new JsonArray(errors)).encode());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the survey-service stand-in did not start or stop", e);
        }
    }
}
