package io.hearken.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The profile promises across a kill of profile-service or PostgreSQL: a merge and an erasure asked while the
 * component is away (each retried like a careful client until it gets a final answer) complete exactly once. After
 * the run: the merged profile answers 308 to its survivor, which holds both customers' identities, and one merge
 * event names it; the erasure is complete in every service, its profile answers 410, and one erasure event exists.
 */
final class ProfileCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROFILES_TOPIC = "hearken.profiles";

    /** What became of the merge and the erasure of one phase. */
    record Result(boolean merged, int mergeEvents, boolean erased, int erasureEvents, String problem) {

        boolean holds() {
            return merged && mergeEvents == 1 && erased && erasureEvents == 1 && problem == null;
        }

        @Override
        public String toString() {
            return (merged ? "merged" : "NOT merged") + " (" + mergeEvents + " event), "
                    + (erased ? "erased" : "NOT erased") + " (" + erasureEvents + " event)"
                    + (problem == null ? "" : ": " + problem);
        }
    }

    private final String gatewayUrl;
    private final String kafka;
    private final Duration retryWindow;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private String survivor;
    private String merged;
    private String erasedProfile;
    private final AtomicReference<String> erasureId = new AtomicReference<>();
    private CompletableFuture<Integer> merge;
    private CompletableFuture<Integer> erasure;

    ProfileCheck(String gatewayUrl, String kafka, Duration retryWindow) {
        this.gatewayUrl = gatewayUrl;
        this.kafka = kafka;
        this.retryWindow = retryWindow;
    }

    /** Three verified customers: two to merge, one to erase (with a journey event on its timeline). */
    void prepare(String token, String prefix) throws Exception {
        survivor = upsert(token, "{\"identities\": {\"customerId\": \"" + prefix + "-a\"}}");
        merged = upsert(token, "{\"identities\": {\"email\": \"" + prefix + "-b@example.com\"}}");
        erasedProfile = upsert(token, "{\"identities\": {\"customerId\": \"" + prefix + "-e\"}}");
        expect(send(token, "POST", "/api/v1/profiles/events", """
                {"eventId": "%s-order", "type": "purchase", "identities": {"customerId": "%s-e"}}"""
                .formatted(prefix, prefix)), 201, "journey event");
    }

    /** Asks for the merge and the erasure now, each retried until a final answer or the retry window closes. */
    void startWhileAway(String token) {
        long started = System.nanoTime();
        merge = retried(() -> send(token, "POST", "/api/v1/profiles/" + survivor + "/merge",
                "{\"profileId\": \"" + merged + "\"}"), started);
        erasure = retried(() -> {
            HttpResponse<String> answer = send(token, "DELETE", "/api/v1/profiles/" + erasedProfile, null);
            if (answer.statusCode() == 202) {
                erasureId.set(JSON.readTree(answer.body()).get("id").asText());
            }
            return answer;
        }, started);
    }

    Result verify(String token) throws Exception {
        int mergeStatus = merge.get();
        int erasureStatus = erasure.get();
        if (mergeStatus != 200 || erasureStatus != 202) {
            return new Result(false, 0, false, 0, "final answers: merge " + mergeStatus + ", erasure "
                    + erasureStatus);
        }
        HttpResponse<String> redirect = send(token, "GET", "/api/v1/profiles/" + merged, null);
        HttpResponse<String> kept = send(token, "GET", "/api/v1/profiles/" + survivor, null);
        boolean isMerged = redirect.statusCode() == 308 && redirect.headers().firstValue("Location")
                .map(location -> location.endsWith(survivor)).orElse(false)
                && kept.statusCode() == 200 && JSON.readTree(kept.body()).get("identities").size() == 2;
        // The erasure is complete once survey-service and insight-service sent their receipts.
        boolean complete = false;
        long deadline = System.nanoTime() + retryWindow.toNanos();
        while (!complete && System.nanoTime() < deadline) {
            HttpResponse<String> status = send(token, "GET", "/api/v1/profiles/erasures/" + erasureId.get(), null);
            complete = status.statusCode() == 200 && JSON.readTree(status.body()).get("complete").asBoolean();
            if (!complete) {
                Thread.sleep(500);
            }
        }
        boolean gone = send(token, "GET", "/api/v1/profiles/" + erasedProfile, null).statusCode() == 410;
        return new Result(isMerged, distinctEvents("hearken.profile.merged.v1", merged),
                complete && gone, distinctEvents("hearken.profile.erased.v1", erasedProfile),
                isMerged && complete && gone ? null : "redirect " + redirect.statusCode() + ", survivor "
                        + kept.statusCode() + ", erasure complete " + complete + ", erased profile gone " + gone);
    }

    /** Distinct event ids of {@code type} keyed by {@code profileId} on the profiles topic (a relay may repeat one). */
    private int distinctEvents(String type, String profileId) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(PROFILES_TOPIC).stream()
                    .map(info -> new TopicPartition(PROFILES_TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long idle = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))
                    && System.nanoTime() < idle) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (profileId.equals(record.key()) && type.equals(header(record, "ce_type"))) {
                        ids.add(header(record, "ce_id"));
                    }
                }
            }
        }
        return ids.size();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /** A careful client: retries on no answer, 429 and 5xx, every 500 ms, for the retry window. */
    private CompletableFuture<Integer> retried(Call call, long started) {
        return CompletableFuture.supplyAsync(() -> {
            while (true) {
                int status;
                try {
                    status = call.send().statusCode();
                } catch (Exception e) {
                    status = 0;
                }
                boolean retry = status == 0 || status == 429 || status >= 500;
                if (!retry || System.nanoTime() - started > retryWindow.toNanos()) {
                    return status;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return status;
                }
            }
        });
    }

    private String upsert(String token, String body) throws Exception {
        HttpResponse<String> answer = send(token, "POST", "/api/v1/profiles", body);
        expect(answer, 200, "profile");
        return JSON.readTree(answer.body()).get("id").asText();
    }

    private HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }
}
