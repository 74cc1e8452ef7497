package dev.userkit.store.jdbc.testing;

import dev.userkit.store.jdbc.ConnectionSettings;
import dev.userkit.store.jdbc.SqlDatabase;
import java.time.Duration;

/**
 * A real database server for tests: one given in the environment, a Testcontainers container
 * when Docker is available, or an embedded server started from Maven artifacts.
 */
public interface SqlTestServer {
    /** What server this is, for the test log. */
    String description();

    /** A new user space (schema or database) holding no UserKit tables yet, with its own pool. */
    TestSpace newEmptySpace(String prefix, Duration connectionTimeout);

    /** A new user space with the latest schema applied. */
    TestSpace newSpace(String prefix);

    /** The database this server runs, as the store describes it. */
    SqlDatabase database();

    /** Resolved settings that reach {@code space} (a name from {@link TestSpace#name()}) as the server's admin. */
    ConnectionSettings connection(String space);

    /** A private server of the same kind that a test may stop and start (REL-4); the caller closes it. */
    Restartable privateRestartable();

    /** Creates a login {@code user} the server authenticates by {@code password}, and returns settings that reach {@code space} as it. */
    ConnectionSettings passwordLogin(String space, String user, String password);

    /**
     * A server the test may stop and start (REL-4). It serves user spaces through {@link #view()},
     * an ordinary server pointing at it, so only stopping and starting differ per database.
     */
    interface Restartable extends SqlTestServer, AutoCloseable {
        /** The ordinary server on this one's port that makes its user spaces. */
        SqlTestServer view();

        @Override
        default String description() {
            return view().description();
        }

        @Override
        default TestSpace newEmptySpace(String prefix, Duration connectionTimeout) {
            return view().newEmptySpace(prefix, connectionTimeout);
        }

        @Override
        default TestSpace newSpace(String prefix) {
            return view().newSpace(prefix);
        }

        @Override
        default SqlDatabase database() {
            return view().database();
        }

        @Override
        default ConnectionSettings connection(String space) {
            return view().connection(space);
        }

        @Override
        default ConnectionSettings passwordLogin(String space, String user, String password) {
            return view().passwordLogin(space, user, password);
        }

        @Override
        default Restartable privateRestartable() {
            return view().privateRestartable();
        }

        /** Stops the server for good. */
        @Override
        void close();

        /** Stops the server; connections break. */
        void stop();

        /** Starts it again on the same port and data. */
        void start();
    }
}
