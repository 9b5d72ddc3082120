package io.hearken.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The single-use promise of invitations across a kill: before it, customers are invited by email and their links
 * read from the local mail server's API; while the component is away, each link is answered twice with different
 * answers (both retried until they get a final answer). Afterwards exactly one answer per invitation must have been
 * accepted, the other refused (409), and survey-service must hold each invitation's response once.
 */
final class InvitationCheck implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("invitation=(inv1\\.[A-Za-z0-9._-]+)");

    /** What became of the invitations of one phase. */
    record Result(int invited, int answeredOnce, int usedTwice, int unanswered, int storedTwice, int storedMissing) {

        boolean holds() {
            return usedTwice == 0 && unanswered == 0 && storedTwice == 0 && storedMissing == 0;
        }
    }

    private final GatewayClient client;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String mailApi;
    private final Duration retryWindow;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
    private final List<String> tokens = new ArrayList<>();
    private final Map<String, int[]> finalStatuses = new ConcurrentHashMap<>();
    private String surveyId;

    InvitationCheck(GatewayClient client, String mailApi, Duration retryWindow) {
        this.client = client;
        this.mailApi = mailApi;
        this.retryWindow = retryWindow;
    }

    /** Invites {@code emails} to the survey by email and reads each link from the mail server. */
    void prepare(String adminToken, String survey, List<String> emails) throws Exception {
        surveyId = survey;
        client.invite(adminToken, survey, emails);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String email : emails) {
            String token = null;
            while (token == null && System.nanoTime() < deadline) {
                token = linkIn(email);
                if (token == null) {
                    Thread.sleep(300);
                }
            }
            if (token == null) {
                throw new IllegalStateException("no invitation reached " + email + " within 60 s");
            }
            tokens.add(token);
        }
    }

    /** Answers every invitation twice, with different scores, retrying each until it gets a final answer. */
    void answerTwice() {
        for (String token : tokens) {
            finalStatuses.put(token, new int[] {0, 0});
            attempt(token, 0, 9, System.nanoTime());
            attempt(token, 1, 2, System.nanoTime());
        }
    }

    private void attempt(String token, int which, int score, long startedAt) {
        client.submitInvited(surveyId, token, score).whenComplete((response, failure) -> {
            int status = failure == null ? response.statusCode() : 0;
            if (status == 0 || status == 429 || status >= 500) {
                if (System.nanoTime() - startedAt < retryWindow.toNanos()) {
                    scheduler.schedule(() -> attempt(token, which, score, startedAt), 500, TimeUnit.MILLISECONDS);
                    return;
                }
            }
            finalStatuses.get(token)[which] = status == 0 ? -1 : status;
        });
    }

    Result verify(String adminToken) throws Exception {
        long deadline = System.nanoTime() + retryWindow.plusSeconds(30).toNanos();
        while (finalStatuses.values().stream().anyMatch(statuses -> statuses[0] == 0 || statuses[1] == 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        int once = 0;
        int twice = 0;
        int none = 0;
        for (int[] statuses : finalStatuses.values()) {
            int accepted = (statuses[0] == 202 ? 1 : 0) + (statuses[1] == 202 ? 1 : 0);
            if (accepted == 1 && (statuses[0] == 409 || statuses[1] == 409)) {
                once++;
            } else if (accepted == 2) {
                twice++;
            } else {
                none++;
            }
        }
        Map<String, Integer> stored = new HashMap<>();
        for (String invitationId : client.storedInvitationIds(adminToken, surveyId)) {
            stored.merge(invitationId, 1, Integer::sum);
        }
        int storedTwice = (int) stored.values().stream().filter(count -> count > 1).count();
        int storedMissing = Math.max(0, once - stored.size());
        return new Result(tokens.size(), once, twice, none, storedTwice, storedMissing);
    }

    /** The invitation token in the first mail that reached {@code email}, or null if none arrived yet. */
    private String linkIn(String email) throws Exception {
        HttpResponse<String> inbox = http.send(HttpRequest.newBuilder(URI.create(mailApi + "/api/user/" + email
                + "/messages/INBOX")).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (inbox.statusCode() != 200) {
            return null; // the mail server knows a mailbox only once mail reached it
        }
        for (JsonNode message : JSON.readTree(inbox.body())) {
            Matcher token = TOKEN.matcher(quotedPrintable(message.path("mimeMessage").asText()));
            if (token.find()) {
                return token.group(1);
            }
        }
        return null;
    }

    private static String quotedPrintable(String mime) {
        String joined = mime.replace("=\r\n", "").replace("=\n", "");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length() && Character.digit(joined.charAt(i + 1), 16) >= 0
                    && Character.digit(joined.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
