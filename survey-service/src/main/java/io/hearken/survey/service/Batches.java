package io.hearken.survey.service;

import io.hearken.common.problem.ProblemException;
import io.hearken.common.problem.ProblemExceptionMappers;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one command per item of a batch (a kiosk upload, a feedback backfill), a few at a time, and keeps each
 * item's own outcome: one refused line never refuses its neighbours, and the caller learns what became of each.
 */
public final class Batches {

    /** At once, per batch: enough to hide the broker's acknowledgement latency, few enough to share the service. */
    static final int CONCURRENCY = 16;

    private Batches() {
    }

    /** What became of the item at {@code index}: its result, or the problem that refused it. */
    public record Outcome<R>(int index, R result, ProblemException problem) {

        public boolean kept() {
            return problem == null;
        }
    }

    public static <C, R> Uni<List<Outcome<R>>> each(List<C> items, Function<C, Uni<R>> command) {
        return Multi.createFrom().range(0, items.size())
                .onItem().transformToUni(index -> command.apply(items.get(index))
                        .map(result -> new Outcome<R>(index, result, null))
                        .onFailure().recoverWithItem(failure -> new Outcome<>(index, null, problemOf(failure))))
                .merge(CONCURRENCY)
                .collect().asList()
                .map(outcomes -> outcomes.stream().sorted(Comparator.comparingInt(Outcome::index)).toList());
    }

    private static ProblemException problemOf(Throwable failure) {
        return ProblemExceptionMappers.describe(failure).orElseGet(() -> {
            Log.errorf(failure, "A batch item failed unexpectedly");
            return new ProblemException(500, "server-error", "Internal error",
                    "This item could not be handled; retry the batch (kept items are kept once).", List.of(), null);
        });
    }
}
