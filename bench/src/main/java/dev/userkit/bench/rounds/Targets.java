package dev.userkit.bench.rounds;

import com.zaxxer.hikari.HikariDataSource;
import dev.userkit.bench.servers.EmbeddedServers;
import dev.userkit.bench.servers.SqlFlavor;
import dev.userkit.bench.servers.SqlServer;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.PoolOptions;
import dev.userkit.store.mariadb.MariaDbSettings;
import dev.userkit.store.postgres.PostgresSettings;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The stores the bench knows by name: {@code memory}; {@code postgres} and {@code mariadb},
 * embedded servers started from Maven artifacts; {@code postgres-env} and {@code mariadb-env},
 * the servers the store modules' own settings name ({@code USERKIT_PG_*}, {@code USERKIT_MARIADB_*}).
 * A SQL store gets a new user space of its own, dropped afterwards, and a pool built with
 * {@link PoolOptions#DEFAULTS} that UserKit, the raw baselines and Spring Session all share.
 */
final class Targets {
    static final List<String> NAMES = List.of("memory", "postgres", "mariadb", "postgres-env", "mariadb-env");

    private Targets() {}

    /** memory, postgres and mariadb, plus each server the environment names. */
    static List<String> defaults() {
        List<String> names = new ArrayList<>(List.of("memory", "postgres", "mariadb"));
        if (named("USERKIT_PG")) names.add("postgres-env");
        if (named("USERKIT_MARIADB")) names.add("mariadb-env");
        return names;
    }

    static BenchTarget open(String name) throws Exception {
        return switch (name) {
            case "memory" -> memory();
            case "postgres", "mariadb" -> embedded(SqlFlavor.valueOf(name.toUpperCase(java.util.Locale.ROOT)), false);
            case "postgres-env" -> {
                PostgresSettings s = PostgresSettings.fromEnvironment().resolve();
                yield sql("postgres-env", new SqlServer(SqlFlavor.POSTGRES, "PostgreSQL from USERKIT_PG_* at " + s.host() + ":" + s.port(),
                        s.url(), s.user(), s.password()), new ArrayDeque<>(), false);
            }
            case "mariadb-env" -> {
                MariaDbSettings s = MariaDbSettings.fromEnvironment().resolve();
                yield sql("mariadb-env", new SqlServer(SqlFlavor.MARIADB, "MariaDB from USERKIT_MARIADB_* at " + s.host() + ":" + s.port(),
                        "jdbc:mariadb://" + s.host() + ":" + s.port() + "/", s.user(), s.password()), new ArrayDeque<>(), false);
            }
            default -> throw new IllegalArgumentException("unknown store " + name + ": one of " + NAMES);
        };
    }

    /** The embedded {@code postgres} or {@code mariadb}, started with the server counting its statements ({@link BenchTarget#counter()}). */
    static BenchTarget openCounting(String name) throws Exception {
        if (!name.equals("postgres") && !name.equals("mariadb")) {
            throw new IllegalArgumentException("statements are counted on the embedded postgres and mariadb only, not " + name);
        }
        return embedded(SqlFlavor.valueOf(name.toUpperCase(java.util.Locale.ROOT)), true);
    }

    private static boolean named(String prefix) {
        return set(System.getenv(prefix + "_URL")) || set(System.getenv(prefix + "_HOST"));
    }

    private static boolean set(String v) {
        return v != null && !v.isBlank();
    }

    private static BenchTarget memory() {
        Stores stores = InMemoryStores.create();
        return new BenchTarget("memory", "in-memory store (this JVM)", stores, new MemoryRawStore(stores.sessions()),
                SpringSessionPeer.inMemory(), new ArrayDeque<>());
    }

    private static BenchTarget embedded(SqlFlavor flavor, boolean counting) throws Exception {
        Deque<AutoCloseable> closers = new ArrayDeque<>();
        String scratch = "userkit-bench-" + flavor.key();
        EmbeddedServers.Running running = counting ? EmbeddedServers.startCounting(flavor, scratch) : EmbeddedServers.start(flavor, scratch);
        closers.push(running);
        try {
            return sql(flavor.key(), running.server(), closers, counting);
        } catch (Exception | Error e) {
            running.close();
            throw e;
        }
    }

    /** A new user space on {@code server}; {@code closers} holds what closes after it (the server itself, if embedded). */
    private static BenchTarget sql(String key, SqlServer server, Deque<AutoCloseable> closers, boolean counting) throws Exception {
        String space = "userkit_bench_" + ProcessHandle.current().pid();
        HikariDataSource ds = server.newSpace(space, PoolOptions.DEFAULTS, false);
        closers.push(() -> server.execute(server.flavor().dropSpace(space)));
        closers.push(ds);
        Stores stores = server.flavor().over(ds);
        String description = server.description() + "; one HikariCP pool built with PoolOptions.DEFAULTS ("
                + PoolOptions.DEFAULTS.maximumPoolSize() + " connections) shared by UserKit, the raw baselines and Spring Session";
        StatementCounter counter = !counting ? null
                : server.flavor() == SqlFlavor.POSTGRES ? new PostgresStatementCounter(server) : new MariaDbStatementCounter(server, space);
        return new BenchTarget(key, description, stores, new SqlRawStore(ds, server.flavor()),
                SpringSessionPeer.jdbc(ds, server.flavor()), closers).countedBy(counter);
    }
}
