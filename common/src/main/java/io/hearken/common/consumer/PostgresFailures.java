package io.hearken.common.consumer;

import io.vertx.pgclient.PgException;

import java.sql.SQLException;

/**
 * Tells a PostgreSQL error that retrying cannot cure from one that it can, by SQLSTATE.
 *
 * <p>Permanent: class 22 (data exception: an invalid byte sequence such as U+0000 in text, a value too long, a
 * number out of range) and the integrity violations a row carries with it (23502 not null, 23503 foreign key, 23514
 * check). Not permanent: 23505 (unique violation), which here means two instances created the same row at once and
 * the retry finds it; and every other class, including errors in our own SQL (42), which a deployment cures: the
 * consumer waits, its readiness goes DOWN, and nothing is dead-lettered that a fix would have applied.
 */
public final class PostgresFailures {

    private PostgresFailures() {
    }

    public static boolean isPermanent(Throwable failure) {
        if (PermanentEventFailure.isCause(failure)) {
            return true;
        }
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            // The reactive client's own error, or the JDBC-style one Hibernate Reactive wraps it in.
            String sqlState = cause instanceof PgException postgres ? postgres.getSqlState()
                    : cause instanceof SQLException sql ? sql.getSQLState() : null;
            if (sqlState != null) {
                return isPermanentState(sqlState);
            }
        }
        return false;
    }

    static boolean isPermanentState(String sqlState) {
        return sqlState.startsWith("22") || sqlState.equals("23502") || sqlState.equals("23503")
                || sqlState.equals("23514");
    }
}
