package io.hearken.survey.client;

import io.hearken.survey.config.InvitationsConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends one SMS through the provider's HTTP API ({@code POST <provider>/v1/messages}, form-encoded To, From, Body, as
 * the common providers take it). The message id goes as {@code Idempotency-Key}, so a message handed over twice
 * (a crash between the hand-over and its record) is one message at the provider. Called from the sender's own
 * thread, so it blocks.
 */
@ApplicationScoped
public class SmsProvider {

    /** The provider refused the message for good (a number it cannot reach, a body it will not send). */
    public static class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    private final HttpClient http;
    private final InvitationsConfig.Sms config;
    private final Duration timeout;

    public SmsProvider(InvitationsConfig config) {
        this.config = config.sms();
        this.timeout = config.sendTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** Hands the message over; a failure worth retrying (the provider away, 5xx, 429) is an {@link IOException}. */
    public void send(String to, String body, String messageId) throws IOException, InterruptedException, Refused {
        String form = "To=" + encoded(to) + "&From=" + encoded(config.from()) + "&Body=" + encoded(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.providerUrl() + "/v1/messages"))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Idempotency-Key", messageId)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        if (status >= 400 && status < 500 && status != 429 && status != 408) {
            throw new Refused("the SMS provider refused it (" + status + "): " + excerpt(response.body()));
        }
        throw new IOException("the SMS provider answered " + status + ": " + excerpt(response.body()));
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String excerpt(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) : body;
    }
}
