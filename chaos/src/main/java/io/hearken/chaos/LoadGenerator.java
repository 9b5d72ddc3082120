package io.hearken.chaos;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A steady stream of submissions at a fixed rate across several surveys and customers, behaving like a careful
 * client: on 5xx, 429 or no answer it retries with the same idempotency key (honouring Retry-After) until the
 * response is acknowledged or its retry window closes. Every submission and every answer is recorded.
 */
public final class LoadGenerator implements AutoCloseable {

    private static final String[] CHANNELS = {"web", "in-app", "email", "sms", "kiosk", "chat", "call-centre"};

    private final GatewayClient client;
    private final Duration retryWindow;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
    private final Queue<Submission> submissions = new ConcurrentLinkedQueue<>();
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final AtomicLong longestRequestMillis = new AtomicLong();
    private final Random random = new Random(7);
    private volatile ScheduledFuture<?> ticker;

    public LoadGenerator(GatewayClient client, Duration retryWindow) {
        this.client = client;
        this.retryWindow = retryWindow;
    }

    /** Starts sending {@code ratePerSecond} new submissions a second to the phase's surveys and customers. */
    public synchronized void start(String phase, List<String> surveyIds, List<String> customers, int ratePerSecond) {
        stopSending();
        long periodMicros = 1_000_000L / ratePerSecond;
        ticker = scheduler.scheduleAtFixedRate(() -> {
            String surveyId = surveyIds.get(random.nextInt(surveyIds.size()));
            String email = customers.get(random.nextInt(customers.size()));
            // One in three saves progress first: partial-then-complete must be counted once, like any response.
            Submission submission = new Submission(phase, surveyId, UUID.randomUUID().toString(), email,
                    random.nextInt(11), CHANNELS[random.nextInt(CHANNELS.length)], random.nextInt(3) == 0);
            submissions.add(submission);
            attempt(submission);
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    public synchronized void stopSending() {
        if (ticker != null) {
            ticker.cancel(false);
            ticker = null;
        }
    }

    /** Waits until no submission is pending any more (each ends within its retry window plus one timeout). */
    public boolean awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (submissions.stream().noneMatch(s -> s.outcome == Submission.Outcome.PENDING)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private void attempt(Submission submission) {
        submission.attempts.incrementAndGet();
        long sentAt = System.nanoTime();
        boolean partial = submission.savesProgressFirst && !submission.progressSaved;
        client.submit(submission.surveyId, submission.idempotencyKey, submission.email, submission.score,
                submission.channel, partial).whenComplete((response, failure) -> {
                    longestRequestMillis.accumulateAndGet((System.nanoTime() - sentAt) / 1_000_000, Math::max);
                    if (failure != null) {
                        count(submission.phase, failureKind(failure));
                        retryOrGiveUp(submission, Duration.ofMillis(500));
                        return;
                    }
                    int status = response.statusCode();
                    count(submission.phase, String.valueOf(status));
                    if (status / 100 == 2 && partial) {
                        submission.progressSaved = true;
                        attempt(submission);
                    } else if (status / 100 == 2) {
                        submission.responseId = GatewayClient.responseId(response);
                        submission.acknowledgedAtNanos = System.nanoTime();
                        submission.outcome = Submission.Outcome.ACKNOWLEDGED;
                    } else if (status == 429 || status >= 500) {
                        retryOrGiveUp(submission, retryAfter(response));
                    } else {
                        submission.outcome = Submission.Outcome.REJECTED;
                    }
                });
    }

    private void retryOrGiveUp(Submission submission, Duration delay) {
        if (System.nanoTime() - submission.startedAtNanos > retryWindow.toNanos()) {
            submission.outcome = Submission.Outcome.GAVE_UP;
            return;
        }
        scheduler.schedule(() -> attempt(submission), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After")
                .map(value -> {
                    try {
                        return Duration.ofSeconds(Math.min(5, Long.parseLong(value.trim())));
                    } catch (NumberFormatException e) {
                        return Duration.ofSeconds(1);
                    }
                })
                .orElse(Duration.ofSeconds(1));
    }

    private static String failureKind(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return "client-timeout";
        }
        if (cause instanceof ConnectException) {
            return "connection-refused";
        }
        return "io-error";
    }

    private void count(String phase, String answer) {
        answers.computeIfAbsent(phase + "|" + answer, key -> new LongAdder()).increment();
    }

    /** Answers seen for a phase, by status code or failure kind. */
    public Map<String, Long> answers(String phase) {
        Map<String, Long> result = new TreeMap<>();
        answers.forEach((key, count) -> {
            if (key.startsWith(phase + "|")) {
                result.put(key.substring(phase.length() + 1), count.sum());
            }
        });
        return result;
    }

    public List<Submission> submissions(String phase) {
        return submissions.stream().filter(submission -> submission.phase.equals(phase)).toList();
    }

    /** Writes the record of every submission (one line each, tab-separated) for anyone who wants to audit a run. */
    public void writeRecord(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("phase\tidempotency_key\tsurvey_id\temail\tscore\tchannel\tprogress_first\toutcome\tresponse_id"
                + "\tattempts");
        for (Submission s : submissions) {
            lines.add(String.join("\t", s.phase, s.idempotencyKey, s.surveyId, s.email, String.valueOf(s.score),
                    s.channel, String.valueOf(s.savesProgressFirst), s.outcome.name(), String.valueOf(s.responseId),
                    String.valueOf(s.attempts.get())));
        }
        Files.write(file, lines);
    }

    public long longestRequestMillis() {
        return longestRequestMillis.get();
    }

    @Override
    public void close() {
        stopSending();
        scheduler.shutdownNow();
    }
}
