package dev.userkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ClientContext;
import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.config.Settings;
import dev.userkit.launch.Launch;
import dev.userkit.launch.LaunchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar run as a process, command after command, against one embedded PostgreSQL in ./userkit-data (W6). */
class CliJarIT {
    private static final String ALICE = "amber lanterns over a quiet harbour";
    @TempDir
    Path work;
    private final List<CliRun> runs = new ArrayList<>();

    private CliRun cli(String... args) throws Exception {
        return cli(Map.of(), "", args);
    }

    private CliRun cli(Map<String, String> env, String stdin, String... args) throws Exception {
        CliRun run = CliProcess.run(work, env, stdin, args);
        runs.add(run);
        return run;
    }

    private static void ok(CliRun run) {
        assertThat(run.code()).as(run.all()).isZero();
    }

    @Test
    @DisplayName("W6 the CLI jar on the server's embedded PostgreSQL: schema validate fails then migrate and validate pass, bootstrap once (602 after), users create/find/list/activate/deactivate/delete, users create --active queues no mail (A2), roles grant/revoke, unlock after a lockout, purge, keyring generate, config with every secret masked, a bad flag exits 2 naming it")
    void commandsAgainstEmbeddedPostgres() throws Exception {
        CliRun stale = cli("schema", "validate");
        assertThat(stale.code()).as("an empty database is not current: " + stale.all()).isEqualTo(1);
        CliRun migrated = cli("schema", "migrate");
        ok(migrated);
        assertThat(migrated.out()).contains("current", "embedded-postgres");
        ok(cli("schema", "validate"));

        CliRun root = cli("bootstrap");
        ok(root);
        String rootPassword = root.out().lines().filter(l -> l.startsWith("password")).findFirst().orElseThrow().substring(8).strip();
        assertThat(rootPassword).hasSizeGreaterThan(10);
        CliRun again = cli("bootstrap");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("error 602 USER_EXISTS");

        ok(cli(Map.of(), ALICE + "\n", "users", "create", "alice", "--email", "alice@example.com", "--password-stdin"));
        assertThat(cli("users", "find", "alice", "--json").out()).contains("\"username\":\"alice\"", "\"status\":\"PENDING\"");
        assertThat(cli("users", "activate", "alice@example.com").out()).contains("ACTIVE");
        int backlog = outboxBacklog();
        CliRun carol = cli(Map.of(), ALICE + "\n", "users", "create", "carol", "--email", "carol@example.com", "--password-stdin", "--active", "--json");
        ok(carol);
        assertThat(carol.out()).contains("\"username\":\"carol\"", "\"status\":\"ACTIVE\"");
        assertThat(outboxBacklog()).as("no verification mail for an account created active (A2)").isEqualTo(backlog);
        CliRun granted = cli("roles", "grant", "alice", "admin", "--json");
        ok(granted);
        assertThat(granted.out()).contains("\"changed\":true", "\"roles\":[\"admin\"]");
        assertThat(cli("roles", "revoke", "alice", "admin", "--json").out()).contains("\"changed\":true", "\"roles\":[]");

        lockOutAlice();
        assertThat(cli("users", "find", "alice").out()).contains("lockedUntil");
        CliRun unlocked = cli("users", "unlock", "alice", "--json");
        ok(unlocked);
        assertThat(unlocked.out()).contains("\"wasLocked\":true");
        assertThat(cli("users", "find", "alice").out()).doesNotContain("lockedUntil");

        assertThat(cli("users", "deactivate", "alice").out()).contains("DISABLED");
        CliRun list = cli("users", "list");
        ok(list);
        assertThat(list.out()).contains("USERNAME", "root", "alice");

        CliRun purge = cli("purge", "--json");
        ok(purge);
        assertThat(purge.out()).contains("\"lockHeld\":true", "\"expired_sessions\"");

        Path ring = work.resolve("userkit-data/keyring");
        String key = Files.readString(ring).strip().substring(2);
        CliRun refused = cli("keyring", "generate");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--force");
        Path other = work.resolve("other-keyring");
        ok(cli("keyring", "generate", "--file", other.toString()));
        assertThat(Files.getPosixFilePermissions(other)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        Map<String, String> secrets = Map.of("USERKIT_SMTP_PASSWORD", "smtp-it-secret", "USERKIT_PG_PASSWORD", "pg-it-secret",
                "USERKIT_MARIADB_URL", "jdbc:mariadb://app:maria-it-secret@db.internal:3306/userkit", "USERKIT_SMTP_HOST", "smtp.example.com");
        CliRun config = cli(secrets, "", "config");
        ok(config);
        assertThat(config.out()).contains("USERKIT_SMTP_HOST", "smtp.example.com", "db.internal:3306", "USERKIT_KEYS");
        assertThat(config.all()).doesNotContain("smtp-it-secret", "pg-it-secret", "maria-it-secret", key);

        CliRun badFlag = cli("users", "list", "--limt", "5");
        assertThat(badFlag.code()).isEqualTo(2);
        assertThat(badFlag.err()).contains("--limt");

        ok(cli("users", "delete", "alice"));
        CliRun gone = cli("users", "find", "alice");
        assertThat(gone.code()).isEqualTo(1);
        assertThat(gone.err()).contains("error 605 USER_NOT_FOUND");

        String everything = String.join("\n", runs.stream().map(CliRun::all).toList());
        assertThat(everything).as("alice's password never appears").doesNotContain(ALICE).doesNotContain(key);
        assertThat(everything.split(java.util.regex.Pattern.quote(rootPassword), -1)).as("the root password appears only where it was printed")
                .hasSize(2);
    }

    /** The messages waiting in the outbox, read by another client of the same database. */
    private int outboxBacklog() {
        try (Launch launch = launch(); UserKit kit = launch.kit().build()) {
            return kit.outbox().backlog();
        }
    }

    private Launch launch() {
        Settings settings = Settings.of(Map.of(LaunchSettings.DATA_DIR, work.resolve("userkit-data").toString()));
        return Launch.open(LaunchSettings.read(settings), settings);
    }

    /** Wrong passwords from another client of the same database (as the server would see them), until the account locks. */
    private void lockOutAlice() {
        try (Launch launch = launch(); UserKit kit = launch.kit().build()) {
            for (int i = 0; i < 12 && kit.accounts().lockedUntil(kit.accounts().find("alice").orElseThrow().id()).isEmpty(); i++) {
                try {
                    kit.sessions().login("alice", "not her password at all", ClientContext.fromAddress("203.0.113.9"));
                } catch (UserKitException expected) {
                    // wrong credentials until the lockout
                }
            }
            assertThat(kit.accounts().lockedUntil(kit.accounts().find("alice").orElseThrow().id())).as("alice is locked out").isPresent();
        }
    }
}
