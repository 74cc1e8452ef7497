package dev.userkit.store.jdbc.testing;

import dev.userkit.spi.SchemaMode;
import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.ColumnIndexTests;
import dev.userkit.store.jdbc.SchemaMigrations;
import dev.userkit.testkit.StoreConformanceSuite;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

/**
 * Everything a SQL store over {@code store-jdbc} must pass, behind one hook: the store's test class
 * extends this and returns its {@link SqlTestServer}. Nested inside: the port conformance suite, the
 * schema migrations, the user foreign keys, the hot path's round trips, purge races, the outbox's SQL side, user spaces, start-up diagnostics, the
 * Guice module and,
 * tagged {@value #RESTARTS_SERVER} (it starts a private server of its own), pool recovery.
 */
public abstract class SqlStoreSuite {
    /** The tag of the tests that stop and start a private server (CI leaves them out against external servers). */
    public static final String RESTARTS_SERVER = "restarts-server";
    // one conformance space per database for the whole JVM: it is wiped before each test
    private static final Map<String, TestSpace> CONFORMANCE_SPACES = new ConcurrentHashMap<>();

    /** The server the suite runs against (started once per JVM). */
    protected abstract SqlTestServer server();

    /**
     * Whether the store announces revocations to other instances ({@link dev.userkit.spi.RevocationFeed}).
     *
     * @return true if its stores carry a revocation feed
     */
    protected boolean announcesRevocations() {
        return false;
    }

    /** The port contracts and features, in a space wiped before each test. */
    @Nested
    class Conformance extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return CONFORMANCE_SPACES.computeIfAbsent(server().database().name(), k -> server().newSpace("conformance")).wipe();
        }

        @Override
        protected boolean supportsTransactions() {
            return true;
        }
    }

    /** The versioned migrations (ST2). */
    @Nested
    class Migrations extends SchemaMigrationTests {
        @Override
        protected SqlTestServer server() {
            return SqlStoreSuite.this.server();
        }

        @Override
        protected SchemaMigrations migrationsFor(TestSpace space) {
            return server().database().schema(space.name());
        }
    }

    /** Rows that reference their user (REL-7). */
    @Nested
    class UserForeignKeys extends UserForeignKeyTests {
        @Override
        protected SqlTestServer server() {
            return SqlStoreSuite.this.server();
        }
    }

    /** Validation and authorisation in one statement each (issue 9). */
    @Nested
    class RoundTrips extends RoundTripTests {
        @Override
        protected SqlTestServer server() {
            return SqlStoreSuite.this.server();
        }
    }

    /** Rows read by column position (the hot path's mapping). */
    @Nested
    class ColumnPositions extends ColumnIndexTests {
        @Override
        protected SqlTestServer server() {
            return SqlStoreSuite.this.server();
        }
    }

    /** A purge batch racing a transaction that extends one of its sessions (S7). */
    @Nested
    class PurgeRaces extends PurgeRaceTests {
        @Override
        protected SqlTestServer server() {
            return SqlStoreSuite.this.server();
        }
    }

    /** The outbox where SQL adds to its contract (REL-8). */
    @Nested
    class OutboxSql extends OutboxSqlTests {
        @Override
        protected SqlTestServer server() {
            return SqlStoreSuite.this.server();
        }
    }

    /** User spaces (ST4). */
    @Nested
    class UserSpaces extends UserSpaceTests {
        @Override
        protected SqlTestServer server() {
            return SqlStoreSuite.this.server();
        }
    }

    /** Scheduled maintenance on two instances over one database, one run at a time (REL-9). */
    @Nested
    class MaintenanceAcrossInstances extends MaintenanceAcrossInstancesTests {
        @Override
        protected SqlTestServer server() {
            return SqlStoreSuite.this.server();
        }
    }

    /** Role changes on one instance seen by the other's next check, over one database (SEC-20). */
    @Nested
    class RolesAcrossInstances extends RolesAcrossInstancesTests {
        @Override
        protected SqlTestServer server() {
            return SqlStoreSuite.this.server();
        }
    }

    /** The validation cache on two instances over one database. */
    @Nested
    class CacheAcrossInstances extends CacheAcrossInstancesTests {
        @Override
        protected SqlTestServer server() {
            return SqlStoreSuite.this.server();
        }

        @Override
        protected boolean announcesRevocations() {
            return SqlStoreSuite.this.announcesRevocations();
        }
    }

    /** Start-up failures that say what and why, at once. */
    @Nested
    class Startup extends StartupFailureTests {
        @Override
        protected SqlTestServer server() {
            return SqlStoreSuite.this.server();
        }
    }

    /** The round trips of a login. */
    @Nested
    class LoginRoundTrips extends LoginRoundTripTests {
        @Override
        protected SqlTestServer server() {
            return SqlStoreSuite.this.server();
        }
    }

    /** The Guice module. */
    @Nested
    class Module extends StoreModuleTests {
        @Override
        protected SqlTestServer server() {
            return SqlStoreSuite.this.server();
        }
    }

    /** REL-4 on a private server, stopped and started on its kept data. */
    @Nested
    @Tag(RESTARTS_SERVER)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class PoolRecovery extends PoolRecoveryTests {
        private SqlTestServer.Restartable restartable;

        @Override
        protected synchronized SqlTestServer.Restartable server() {
            if (restartable == null) restartable = SqlStoreSuite.this.server().privateRestartable();
            return restartable;
        }

        @Override
        protected void migrate(TestSpace space) {
            server().database().schema(space.name()).apply(space.dataSource(), SchemaMode.MIGRATE);
        }

        @AfterAll
        void stopServer() {
            if (restartable != null) restartable.close();
        }
    }
}
