package io.hearken.testing;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A test's own connection to the service's real PostgreSQL database (the service's JDBC settings), to make a table
 * unusable for a while: renamed away (every statement on it fails) or locked (every statement on it waits).
 */
public final class PostgresSession implements AutoCloseable {

    private final Connection connection;

    private PostgresSession(Connection connection) {
        this.connection = connection;
    }

    /** Opens a connection with the settings of the service under test. */
    public static PostgresSession open() {
        var config = ConfigProvider.getConfig();
        try {
            return new PostgresSession(DriverManager.getConnection(
                    config.getValue("quarkus.datasource.jdbc.url", String.class),
                    config.getValue("quarkus.datasource.username", String.class),
                    config.getValue("quarkus.datasource.password", String.class)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the test database", e);
        }
    }

    public void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    /** Takes an exclusive lock on {@code table} until {@link #close()}: every reader and writer of it waits. */
    public void lockExclusively(String table) {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
    }

    @Override
    public void close() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
