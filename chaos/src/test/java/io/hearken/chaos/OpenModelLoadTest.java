package io.hearken.chaos;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenModelLoadTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong clock = new AtomicLong();
    private final List<CompletableFuture<Integer>> outstanding = new ArrayList<>();
    private final OpenModelLoad.Sender neverAnswers = sequence -> {
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        outstanding.add(answer);
        return answer;
    };

    private OpenModelLoad load(double rate, int maxInFlight, OpenModelLoad.Sender sender, LoadStats stats) {
        return new OpenModelLoad(new ArrivalSchedule(0, rate), maxInFlight, sender, clock::get, stats);
    }

    @Test
    void sendsOnScheduleHoweverSlowlyAnswersCome() {
        LoadStats stats = new LoadStats(0);
        OpenModelLoad load = load(1000, 10_000, neverAnswers, stats);
        clock.set(1_000 * MS);
        assertEquals(1001, load.sendDue(Long.MAX_VALUE), "a second at 1000/s, nothing answered: still all sent");
        assertEquals(1001, outstanding.size());
        assertEquals(1001, load.inFlight());
    }

    @Test
    void aRequestDueWhileTheCapIsInFlightIsAnErrorNotADelay() {
        LoadStats stats = new LoadStats(0);
        OpenModelLoad load = load(1000, 5, neverAnswers, stats);
        clock.set(1_000 * MS);
        load.sendDue(Long.MAX_VALUE);
        assertEquals(5, outstanding.size());
        LoadStats.Snapshot second = stats.closeInterval(1_000 * MS);
        assertEquals(1001, second.scheduled());
        assertEquals(Map.of("in-flight-cap", 996L), second.errors());
        // Once answers come, the next turns are sent again: the schedule never moved
        outstanding.forEach(answer -> answer.complete(202));
        clock.set(1_002 * MS);
        assertEquals(2, load.sendDue(Long.MAX_VALUE));
        assertEquals(1003, load.scheduled());
    }

    @Test
    void latencyCountsFromTheIntendedSendTimeSoAStalledGeneratorHidesNothing() {
        LoadStats stats = new LoadStats(0);
        OpenModelLoad load = load(1000, 10_000, neverAnswers, stats);
        load.sendDue(Long.MAX_VALUE); // request 0 at its turn
        clock.set(500 * MS); // the generator (or the machine) stalls for half a second
        load.sendDue(Long.MAX_VALUE); // requests 1..500, late
        outstanding.forEach(answer -> answer.complete(202)); // all answered at once, at 500 ms
        LoadStats.Snapshot snapshot = stats.closeInterval(500 * MS);
        assertEquals(501, snapshot.answered());
        assertEquals(500.0, snapshot.maxMillis(), 0.5, "request 0 waited the whole stall");
        assertEquals(250.0, snapshot.millis(50), 1.0, "half of them waited at least 250 ms");
        assertTrue(load.lateSends() >= 489, "sends more than 10 ms past their turn: " + load.lateSends());
    }

    @Test
    void answersOtherThan2xxAndFailuresAreErrorsByKind() {
        LoadStats stats = new LoadStats(0);
        OpenModelLoad load = load(1000, 100, sequence -> switch ((int) sequence) {
            case 0 -> CompletableFuture.completedFuture(202);
            case 1 -> CompletableFuture.completedFuture(503);
            case 2 -> CompletableFuture.failedFuture(new HttpTimeoutException("request timed out"));
            case 3 -> CompletableFuture.failedFuture(new ConnectException("refused"));
            default -> throw new IllegalStateException("the client refused the request");
        }, stats);
        clock.set(4 * MS);
        load.sendDue(Long.MAX_VALUE);
        LoadStats.Snapshot snapshot = stats.closeInterval(4 * MS);
        assertEquals(1, snapshot.answered());
        assertEquals(Map.of("http-503", 1L, "timeout", 1L, "connection-refused", 1L,
                "failed:IllegalStateException", 1L), snapshot.errors());
        assertEquals(0, load.inFlight());
    }

    @Test
    void nothingMeantToLeaveAtOrAfterTheEndIsSent() {
        LoadStats stats = new LoadStats(0);
        OpenModelLoad load = load(1000, 10_000, neverAnswers, stats);
        clock.set(2_000 * MS);
        load.sendDue(1_000 * MS);
        assertEquals(1000, outstanding.size(), "turns 0 ms to 999 ms");
    }

    @Test
    void runUntilSendsTheWholeScheduleOnARealClock() {
        LoadStats stats = new LoadStats(System.nanoTime());
        long start = System.nanoTime();
        OpenModelLoad load = new OpenModelLoad(new ArrivalSchedule(start, 2000), 10_000,
                sequence -> CompletableFuture.completedFuture(204), System::nanoTime, stats);
        load.runUntil(start + 100 * MS);
        assertEquals(200, load.scheduled(), "100 ms at 2000/s");
        assertEquals(200, stats.closeInterval(System.nanoTime()).answered());
    }
}
