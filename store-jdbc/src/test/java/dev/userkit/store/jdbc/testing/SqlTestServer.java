package dev.userkit.store.jdbc.testing;

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

    /** A server the test may stop and start (REL-4). */
    interface Restartable extends SqlTestServer {
        /** Stops the server; connections break. */
        void stop();

        /** Starts it again on the same port and data. */
        void start();
    }
}
