package io.hearken.profile.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a transaction again when a concurrent one got there first: another instance created the same identity
 * (unique violation), PostgreSQL broke a deadlock, or a profile this transaction locked was merged or erased while it
 * looked. Each attempt is a fresh transaction that reads the new state, so nothing is applied twice or lost.
 */
public final class Conflicts {

    private static final int ATTEMPTS = 8;

    private Conflicts() {
    }

    /** Thrown inside a transaction whose reads are no longer true; the transaction is run again. */
    public static final class ConcurrentChange extends RuntimeException {
        public ConcurrentChange(String message) {
            super(message, null, false, false);
        }
    }

    public static <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> Panache.withTransaction(work))
                .onFailure(Conflicts::isConflict).retry()
                .withBackOff(Duration.ofMillis(5), Duration.ofMillis(200)).withJitter(0.5).atMost(ATTEMPTS);
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof ConcurrentChange) {
                return true;
            }
            String state = cause instanceof PgException postgres ? postgres.getSqlState()
                    : cause instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null) {
                return state.equals("23505") || state.equals("40P01") || state.equals("40001");
            }
        }
        return false;
    }
}
