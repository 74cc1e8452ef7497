package dev.userkit.store.jdbc.testing;

import static dev.userkit.testkit.contracts.ContractRecords.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.StoreException;
import dev.userkit.domain.CodePurpose;
import dev.userkit.internal.IdGenerator;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.UserRecord;
import dev.userkit.store.jdbc.SchemaMigrations;
import dev.userkit.store.jdbc.SchemaMode;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ST2 on a real server: idempotent migrations, in-place upgrade, validate and export. A store module extends it. */
public abstract class SchemaMigrationTests {
    /** The server to create spaces on. */
    protected abstract SqlTestServer server();

    /** The store's migrations for this space. */
    protected abstract SchemaMigrations migrationsFor(TestSpace space);

    private TestSpace emptySpace() {
        return server().newEmptySpace("migration", Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("ST2 applying the migrations twice is a no-op the second time")
    void migrateTwiceIsNoOp() {
        try (TestSpace space = emptySpace()) {
            SchemaMigrations m = migrationsFor(space);
            assertThat(m.migrate(space.dataSource(), null)).isEqualTo(m.migrationNames().size()).isGreaterThanOrEqualTo(2);
            assertThat(m.migrate(space.dataSource(), null)).isZero();
            m.validate(space.dataSource());
        }
    }

    @Test
    @DisplayName("ST2 a version 1 schema with data is upgraded in place: the data is intact, rows of users long gone are dropped (V3)")
    void upgradeKeepsData() {
        try (TestSpace space = emptySpace()) {
            SchemaMigrations m = migrationsFor(space);
            assertThat(m.migrate(space.dataSource(), "1")).isEqualTo(1);
            UserRecord ada = SampleUsers.user("ada");
            space.stores().users().insert(ada);
            CodeRecord adas = code(ada.user().id(), CodePurpose.PASSWORD_RESET, SampleUsers.AT);
            // version 1 had no foreign key: a code could outlive its user
            CodeRecord orphan = code(IdGenerator.userId(), CodePurpose.PASSWORD_RESET, SampleUsers.AT);
            space.stores().codes().insert(adas);
            space.stores().codes().insert(orphan);

            assertThat(m.migrate(space.dataSource(), null)).isEqualTo(m.migrationNames().size() - 1);
            assertThat(space.stores().users().findById(ada.user().id())).contains(ada);
            assertThat(space.stores().codes().consume(adas.codeHash(), CodePurpose.PASSWORD_RESET)).contains(adas);
            assertThat(space.stores().codes().consume(orphan.codeHash(), CodePurpose.PASSWORD_RESET)).isEmpty();
        }
    }

    @Test
    @DisplayName("ST2 VALIDATE fails fast on an old schema and passes once it is current; NONE touches nothing")
    void validateFailsOnOldSchema() {
        try (TestSpace space = emptySpace()) {
            SchemaMigrations m = migrationsFor(space);
            m.apply(space.dataSource(), SchemaMode.NONE);
            assertThatThrownBy(() -> m.apply(space.dataSource(), SchemaMode.VALIDATE)).isInstanceOf(StoreException.class);
            m.migrate(space.dataSource(), "1");
            assertThatThrownBy(() -> m.apply(space.dataSource(), SchemaMode.VALIDATE)).isInstanceOf(StoreException.class);
            m.apply(space.dataSource(), SchemaMode.MIGRATE);
            m.apply(space.dataSource(), SchemaMode.VALIDATE);
        }
    }

    @Test
    @DisplayName("ST2 the exported SQL holds every migration in order, for a DBA")
    void exportHoldsEveryMigration() {
        try (TestSpace space = emptySpace()) {
            SchemaMigrations m = migrationsFor(space);
            String sql = m.exportSql();
            assertThat(m.migrationNames()).startsWith("V1__init.sql");
            int last = -1;
            for (String name : m.migrationNames()) {
                int at = sql.indexOf(name);
                assertThat(at).as(name).isGreaterThan(last);
                last = at;
            }
            assertThat(sql).contains("CREATE TABLE userkit_users").contains("CREATE TABLE userkit_sessions")
                    .contains("ADD CONSTRAINT userkit_sessions_user_fk");
        }
    }
}
