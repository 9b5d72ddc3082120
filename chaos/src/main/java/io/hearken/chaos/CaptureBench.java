package io.hearken.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * {@code ./hearken bench capture}: the capture paths beyond a single submission, through the gateway, each with the
 * single keyed submission measured in the same run as the ceiling (so ratios survive a noisy machine). Prints
 * invitations kept per second (100,000 in parts of 5,000), kiosk lines per second (100-line NDJSON uploads) and SMS
 * replies per second (signed provider webhooks answering sent invitations). Options: {@code --gateway URL
 * --keycloak URL --sms-auth-token T --sms-inbound-url URL --invitations N --seconds S --phones N}.
 */
public final class CaptureBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONCURRENCY = 16;

    // HTTP/1.1 as load generators speak it: the JDK client otherwise tries an h2c upgrade on every new connection.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final String gateway;
    private final String token;

    private CaptureBench(String gateway, String token) {
        this.gateway = gateway;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String gateway = options.getOrDefault("gateway", "http://localhost:8080");
        GatewayClient client = new GatewayClient(gateway, options.getOrDefault("keycloak", "http://localhost:8180"),
                Duration.ofSeconds(30));
        CaptureBench bench = new CaptureBench(gateway, client.token("alice", "hearken-demo"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "15"));

        String survey = bench.survey("capture-bench");
        double ceiling = bench.rate(seconds, n -> bench.post("/api/v1/public/surveys/" + survey + "/responses",
                "application/json", "{\"channel\":\"web\",\"answers\":{\"nps\":" + (n % 11) + "}}",
                Map.of("Idempotency-Key", "bench-" + UUID.randomUUID())));
        System.out.printf("ceiling: single keyed submissions   %8.0f /s%n", ceiling);

        int invitations = Integer.parseInt(options.getOrDefault("invitations", "100000"));
        String invited = bench.survey("invitation-bench");
        long start = System.nanoTime();
        String campaign = UUID.randomUUID().toString();
        List<CompletableFuture<HttpResponse<String>>> parts = new ArrayList<>();
        for (int part = 0; part < invitations / 5000; part++) {
            StringBuilder body = new StringBuilder("{\"channel\":\"email\",\"campaignId\":\"" + campaign
                    + "\",\"recipients\":[");
            for (int i = 0; i < 5000; i++) {
                int n = part * 5000 + i;
                body.append(i == 0 ? "" : ",").append("{\"customerId\":\"C-").append(n)
                        .append("\",\"email\":\"bench-").append(n).append("@example.com\"}");
            }
            body.append("]}");
            parts.add(bench.send("POST", "/api/v1/surveys/" + invited + "/invitations/batch", "application/json",
                    body.toString(), Map.of()));
            if (parts.size() == 4) {
                bench.expectAll(parts, 202);
                parts.clear();
            }
        }
        bench.expectAll(parts, 202);
        double invitationRate = invitations / ((System.nanoTime() - start) / 1e9);
        // Close it so the sender skips these instead of mailing 100,000 addresses at the configured pace.
        bench.expect(bench.send("POST", "/api/v1/surveys/" + invited + "/close", "application/json", "", Map.of())
                .join(), 200);
        System.out.printf("invitations kept (%d)             %8.0f /s  (%.1f x ceiling)%n", invitations,
                invitationRate, invitationRate / ceiling);

        String kiosk = bench.survey("kiosk-bench");
        double uploads = bench.rate(seconds, n -> {
            StringBuilder batch = new StringBuilder();
            String device = UUID.randomUUID().toString();
            for (int i = 0; i < 100; i++) {
                batch.append("{\"key\":\"").append(device).append('-').append(i)
                        .append("\",\"answers\":{\"nps\":").append(i % 11).append("}}\n");
            }
            return bench.post("/api/v1/public/surveys/" + kiosk + "/responses/batch", "application/x-ndjson",
                    batch.toString(), Map.of()).thenApply(response -> {
                        if (!response.body().contains("\"kept\":100")) {
                            throw new IllegalStateException("an upload was not kept whole: " + response.body());
                        }
                        return response;
                    });
        });
        double lineRate = uploads * 100;
        System.out.printf("kiosk lines kept (100 per upload)   %8.0f /s  (%.1f x ceiling)%n", lineRate,
                lineRate / ceiling);

        int phones = Integer.parseInt(options.getOrDefault("phones", "300"));
        String sms = bench.survey("sms-bench");
        List<String> numbers = new ArrayList<>();
        StringBuilder body = new StringBuilder("{\"channel\":\"sms\",\"recipients\":[");
        String prefix = String.format("+8170%04d", (int) (Math.random() * 10000));
        for (int i = 0; i < phones; i++) {
            String number = prefix + String.format("%04d", i);
            numbers.add(number);
            // The phone is the customer id: a second run invites new customers, not ones the contact cap holds back.
            body.append(i == 0 ? "" : ",").append("{\"customerId\":\"S-").append(number).append("\",\"phone\":\"")
                    .append(number).append("\"}");
        }
        bench.expect(bench.send("POST", "/api/v1/surveys/" + sms + "/invitations/batch", "application/json",
                body.append("]}").toString(), Map.of()).join(), 202);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (bench.sent(sms) < phones && System.nanoTime() < deadline) {
            Thread.sleep(1000);
        }
        String authToken = options.get("sms-auth-token");
        String inboundUrl = options.getOrDefault("sms-inbound-url", "http://localhost:8080/api/v1/public/sms/inbound");
        AtomicLong replies = new AtomicLong();
        long smsStart = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (String number : numbers) {
            Map<String, String> form = Map.of("From", number, "To", "+15550100000", "Body", "9 great staff",
                    "MessageSid", "SM" + UUID.randomUUID());
            inFlight.add(bench.post("/api/v1/public/sms/inbound", "application/x-www-form-urlencoded; charset=UTF-8",
                    formBody(form), Map.of("X-Twilio-Signature", signature(authToken, inboundUrl, form))));
            if (inFlight.size() == CONCURRENCY) {
                replies.addAndGet(bench.expectAll(inFlight, 200));
                inFlight.clear();
            }
        }
        replies.addAndGet(bench.expectAll(inFlight, 200));
        double replyRate = replies.get() / ((System.nanoTime() - smsStart) / 1e9);
        System.out.printf("SMS replies kept (%d)               %8.0f /s  (%.2f x ceiling)%n", replies.get(), replyRate,
                replyRate / ceiling);
    }

    private String survey(String name) throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/surveys", "application/json", """
                {"name": "%s", "publish": true, "title": {"en": "Bench"},
                 "questions": [{"id": "nps", "type": "NPS", "required": true, "text": {"en": "Recommend us?"}},
                               {"id": "reason", "type": "TEXT", "text": {"en": "Why?"}}]}
                """.formatted(name), Map.of()).join();
        expect(created, 201);
        return JSON.readTree(created.body()).get("id").asText();
    }

    private long sent(String surveyId) throws Exception {
        HttpResponse<String> stats = send("GET", "/api/v1/surveys/" + surveyId + "/invitations/stats", null, null,
                Map.of()).join();
        JsonNode sms = JSON.readTree(stats.body()).path("sms").path("byStatus");
        return sms.path("SENT").asLong() + sms.path("COMPLETED").asLong();
    }

    /** Requests per second over {@code seconds}, {@link #CONCURRENCY} in flight; any non-2xx stops the run. */
    private double rate(int seconds, IntFunction<CompletableFuture<HttpResponse<String>>> request) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        long done = 0;
        int n = 0;
        while (System.nanoTime() < end) {
            List<CompletableFuture<HttpResponse<String>>> batch = new ArrayList<>();
            for (int i = 0; i < CONCURRENCY; i++) {
                batch.add(request.apply(n++));
            }
            done += expectAll(batch, 0);
        }
        return done / ((System.nanoTime() - start) / 1e9);
    }

    private long expectAll(List<CompletableFuture<HttpResponse<String>>> requests, int status) throws Exception {
        for (CompletableFuture<HttpResponse<String>> request : requests) {
            HttpResponse<String> response = request.join();
            if (status == 0 ? response.statusCode() / 100 != 2 : response.statusCode() != status) {
                throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode()
                        + ": " + response.body());
            }
        }
        return requests.size();
    }

    private void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private CompletableFuture<HttpResponse<String>> post(String path, String type, String body,
                                                         Map<String, String> headers) {
        return send("POST", path, type, body, headers);
    }

    private CompletableFuture<HttpResponse<String>> send(String method, String path, String type, String body,
                                                         Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        headers.forEach(request::header);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String formBody(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    /** The provider's webhook signature (base64 HMAC-SHA1 of the URL and the sorted parameters), as it signs. */
    private static String signature(String authToken, String url, Map<String, String> form) throws Exception {
        StringBuilder signed = new StringBuilder(url);
        form.keySet().stream().sorted().forEach(name -> signed.append(name).append(form.get(name)));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
