package dev.userkit.store.jdbc.testing;

import static dev.userkit.testkit.Fixtures.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.StoreException;
import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Role;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.Username;
import dev.userkit.domain.Verb;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.RoleRecord;
import dev.userkit.spi.UserRecord;
import dev.userkit.spi.UserStore;
import dev.userkit.store.jdbc.SchemaMigrations;
import dev.userkit.spi.SchemaMode;
import dev.userkit.testkit.Fixtures;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
    @DisplayName("R6 permissions stored without an id (before R6) read with the id derived from the role's id and name, at every read, and keep it once the role is written again: no migration")
    void legacyPermissionIds() throws SQLException {
        try (TestSpace space = emptySpace()) {
            migrationsFor(space).migrate(space.dataSource(), null);
            Role role = new Role(IdGenerator.roleId(), "legacy", "", List.of(new Permission("old", "/old/**", Set.of(Verb.GET))));
            space.stores().roles().insert(new RoleRecord(role, 0));
            // what a release before R6 wrote: the permission without its id (a literal casts to jsonb and JSON alike)
            try (Connection c = space.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE userkit_roles SET permissions = '[{\"name\":\"old\",\"pattern\":\"/old/**\",\"verbs\":[\"GET\"]}]'"
                        + " WHERE name = 'legacy'");
            }
            String derived = Permission.legacyId(role.id(), "old");
            RoleRecord read = space.stores().roles().findByName("legacy").orElseThrow();
            assertThat(read.role().permissions()).extracting(Permission::id).containsExactly(derived);
            assertThat(space.stores().roles().findById(role.id()).orElseThrow().role().permissions().get(0).id()).isEqualTo(derived);

            // the next write of the role (a rename here) stores the id it was read with
            assertThat(space.stores().roles().update(read.next(new Role(role.id(), "renamed", "", read.role().permissions())))).isTrue();
            try (Connection c = space.dataSource().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT permissions FROM userkit_roles WHERE name = 'renamed'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).contains(derived);
            }
            assertThat(space.stores().roles().findByName("renamed").orElseThrow().role().permissions().get(0).id()).isEqualTo(derived);
        }
    }

    @Test
    @DisplayName("ST2 a version 1 schema with data is upgraded in place: the data is intact, rows of users long gone are dropped (V3)")
    void upgradeKeepsData() {
        try (TestSpace space = emptySpace()) {
            SchemaMigrations m = migrationsFor(space);
            assertThat(m.migrate(space.dataSource(), "1")).isEqualTo(1);
            UserId ada = IdGenerator.userId();
            LegacyUsers.insert(space.dataSource(), ada.value(), "Ada", "ada");
            CodeRecord adas = code(ada, CodePurpose.PASSWORD_RESET, Fixtures.AT);
            // version 1 had no foreign key: a code could outlive its user
            CodeRecord orphan = code(IdGenerator.userId(), CodePurpose.PASSWORD_RESET, Fixtures.AT);
            space.stores().codes().insert(adas);
            space.stores().codes().insert(orphan);

            assertThat(m.migrate(space.dataSource(), null)).isEqualTo(m.migrationNames().size() - 1);
            User upgraded = space.stores().users().findById(ada).orElseThrow().user();
            assertThat(upgraded.username()).isEqualTo(Username.of("Ada", false));
            assertThat(upgraded.email().key()).isEqualTo("ada@example.com");
            assertThat(space.stores().codes().consume(adas.codeHash(), CodePurpose.PASSWORD_RESET)).contains(adas);
            assertThat(space.stores().codes().consume(orphan.codeHash(), CodePurpose.PASSWORD_RESET)).isEmpty();
        }
    }

    @Test
    @DisplayName("SEC-23 V5 back-fills username skeletons oldest first: a legacy look-alike keeps working without one, and blocks nothing")
    void skeletonBackfill() {
        try (TestSpace space = emptySpace()) {
            SchemaMigrations m = migrationsFor(space);
            m.migrate(space.dataSource(), "3");
            UUID older = new UUID(0x0190_0000_0000_7000L, 0x8000_0000_0000_0001L);
            UUID newer = new UUID(0x0190_0000_0001_7000L, 0x8000_0000_0000_0001L);
            // inserted newest first, so that only the id order can make the older one win
            LegacyUsers.insert(space.dataSource(), newer, "adm\u0131n", "adm\u0131n");
            LegacyUsers.insert(space.dataSource(), older, "admin", "admin");

            m.migrate(space.dataSource(), null);
            assertThat(m.migrate(space.dataSource(), null)).isZero();
            UserStore users = space.stores().users();
            assertThat(users.findById(new UserId(older)).orElseThrow().user().username().skeleton())
                    .isEqualTo(Username.skeletonOf("admin"));
            UserRecord lookAlike = users.findById(new UserId(newer)).orElseThrow();
            assertThat(lookAlike.user().username().skeleton()).isNull();
            assertThat(users.update(lookAlike.nextWithHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$bmV3"))).isTrue();
            // "adrnin" looks like "admin", whose skeleton the older row holds
            assertThatThrownBy(() -> users.insert(Fixtures.sampleUser("adrnin")))
                    .isInstanceOf(DuplicateKeyException.class);
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
