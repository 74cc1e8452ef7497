package dev.userkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ClientContext;
import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.accounts.NewUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command's parsing, answers and errors in-process (picocli's {@code execute}) over the in-memory store (W6). */
class CliCommandsTest {
    private static final String PASSWORD = "amber lanterns over a quiet harbour";
    @TempDir
    Path work;
    private final InMemoryKits kits = new InMemoryKits();
    private final Map<String, String> settings = new HashMap<>();

    @BeforeEach
    void dataDir() {
        settings.put("USERKIT_SERVER_DATA_DIR", work.resolve("data").toString());
    }

    private CliRun run(String... args) {
        return CliRun.run(kits, settings, "", args);
    }

    private CliRun runWithStdin(String stdin, String... args) {
        return CliRun.run(kits, settings, stdin, args);
    }

    private void createAlice() {
        CliRun created = runWithStdin(PASSWORD + "\n", "users", "create", "alice", "--email", "alice@example.com", "--password-stdin");
        assertThat(created.code()).as(created.all()).isZero();
    }

    @Test
    @DisplayName("W6 users create reads the password from stdin or a variable, never a flag; find, list, activate, deactivate and delete answer in text and JSON")
    void userLifecycle() {
        createAlice();
        CliRun found = run("users", "find", "alice@example.com");
        assertThat(found.code()).isZero();
        assertThat(found.out()).contains("username", "alice", "PENDING").doesNotContain(PASSWORD);

        settings.put("BOB_PASSWORD", "seven quiet otters paddle home");
        CliRun bob = run("users", "create", "bob", "--email", "bob@example.com", "--password-env", "BOB_PASSWORD", "--active", "--json");
        assertThat(bob.code()).as(bob.all()).isZero();
        assertThat(bob.out()).contains("\"username\":\"bob\"", "\"status\":\"ACTIVE\"");

        assertThat(run("users", "activate", "alice").out()).contains("ACTIVE");
        assertThat(run("users", "deactivate", "alice").out()).contains("DISABLED");
        CliRun list = run("users", "list", "--json");
        assertThat(list.out()).startsWith("[").contains("\"alice\"", "\"bob\"");
        CliRun table = run("users", "list", "--limit", "1");
        assertThat(table.out()).contains("ID", "USERNAME", "alice").doesNotContain("bob").contains("more: --after ");
        String after = table.out().substring(table.out().indexOf("--after ") + 8).strip();
        assertThat(run("users", "list", "--after", after).out()).contains("bob").doesNotContain("alice");

        assertThat(run("users", "delete", "alice").out()).contains("deleted", "alice");
        CliRun gone = run("users", "find", "alice");
        assertThat(gone.code()).isEqualTo(1);
        assertThat(gone.err()).contains("error 605 USER_NOT_FOUND");
    }

    @Test
    @DisplayName("A2 W6 users create --active stores the user ACTIVE in one write: no verification code and no mail queued")
    void createActiveQueuesNoMail() {
        int backlog = kits.kit().outbox().backlog();
        CliRun created = runWithStdin(PASSWORD + "\n", "users", "create", "erin", "--email", "erin@example.com", "--password-stdin", "--active", "--json");
        assertThat(created.code()).as(created.all()).isZero();
        assertThat(created.out()).contains("\"username\":\"erin\"", "\"status\":\"ACTIVE\"");
        assertThat(kits.kit().outbox().backlog()).as("the outbox backlog").isEqualTo(backlog);
        assertThat(kits.kit().sessions().login("erin", PASSWORD, ClientContext.NONE).token()).isNotBlank();

        CliRun pending = runWithStdin(PASSWORD + "\n", "users", "create", "fay", "--email", "fay@example.com", "--password-stdin");
        assertThat(pending.out()).contains("PENDING");
        assertThat(kits.kit().outbox().backlog()).as("a PENDING user's verification mail").isEqualTo(backlog + 1);
    }

    @Test
    @DisplayName("W6 users create without a password source, with an empty stdin or an unset variable is bad usage (2) naming the flag; nothing is written")
    void createNeedsAPasswordSource() {
        CliRun none = run("users", "create", "carol", "--email", "carol@example.com");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("--password-stdin");
        CliRun empty = run("users", "create", "carol", "--email", "carol@example.com", "--password-stdin");
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("--password-stdin: standard input held no password");
        CliRun unset = run("users", "create", "carol", "--email", "carol@example.com", "--password-env", "NOT_SET");
        assertThat(unset.code()).isEqualTo(2);
        assertThat(unset.err()).contains("--password-env").contains("NOT_SET");
        CliRun missingEmail = run("users", "create", "carol", "--password-stdin");
        assertThat(missingEmail.code()).isEqualTo(2);
        assertThat(missingEmail.err()).contains("--email");
        assertThat(run("users", "find", "carol").code()).as("no user was made").isEqualTo(1);
    }

    @Test
    @DisplayName("W6 a domain error exits 1 with its ErrorCode number and name: a weak password (1001), a taken name (602)")
    void domainErrorsCarryTheirCode() {
        CliRun weak = runWithStdin("short\n", "users", "create", "dave", "--email", "dave@example.com", "--password-stdin");
        assertThat(weak.code()).isEqualTo(1);
        assertThat(weak.err()).contains("error 1001 PASSWORD_TOO_SHORT").doesNotContain("short\n");
        createAlice();
        CliRun taken = runWithStdin(PASSWORD + "\n", "users", "create", "alice", "--email", "other@example.com", "--password-stdin");
        assertThat(taken.code()).isEqualTo(1);
        assertThat(taken.err()).contains("error 602 USER_EXISTS");
    }

    @Test
    @DisplayName("W6 users list: --limit out of 1-1000 and a malformed --after are bad usage (2) naming the flag")
    void listFlags() {
        CliRun zero = run("users", "list", "--limit", "0");
        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.err()).contains("--limit must be 1-1000");
        CliRun bad = run("users", "list", "--after", "not-an-id");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--after").contains("not-an-id");
    }

    @Test
    @DisplayName("W6 roles grant and revoke change the user's roles once; an unknown role exits 1 with its code")
    void rolesGrantRevoke() {
        createAlice();
        UserKit kit = kits.kit();
        kit.access().createRole("editor", "edits");
        CliRun granted = run("roles", "grant", "alice", "editor", "--json");
        assertThat(granted.code()).as(granted.all()).isZero();
        assertThat(granted.out()).contains("\"changed\":true", "\"roles\":[\"editor\"]");
        assertThat(run("roles", "grant", "alice", "editor", "--json").out()).contains("\"changed\":false");
        assertThat(run("roles", "revoke", "alice", "editor", "--json").out()).contains("\"changed\":true", "\"roles\":[]");
        CliRun unknown = run("roles", "grant", "alice", "no-such-role");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).containsPattern("error \\d+ [A-Z_]+: ");
        assertThat(run("roles", "grant", "alice").code()).as("the role is required").isEqualTo(2);
    }

    @Test
    @DisplayName("W6 users unlock ends a lockout after failed logins: the right password works again")
    void unlockAfterLockout() {
        UserKit kit = kits.kit();
        kit.accounts().register(NewUser.builder("erin", "erin@example.com").password(PASSWORD).build(), ClientContext.NONE);
        kit.accounts().activate(kit.accounts().find("erin").orElseThrow().id());
        for (int i = 0; i < 3; i++) {
            try {
                kit.sessions().login("erin", "wrong password entirely", ClientContext.fromAddress("203.0.113.9"));
            } catch (UserKitException expected) {
                // wrong credentials, then the lockout
            }
        }
        assertThat(kit.accounts().lockedUntil(kit.accounts().find("erin").orElseThrow().id())).isPresent();
        CliRun unlocked = run("users", "unlock", "erin");
        assertThat(unlocked.code()).as(unlocked.all()).isZero();
        assertThat(unlocked.out()).contains("wasLocked", "true");
        assertThat(kits.kit().sessions().login("erin", PASSWORD, ClientContext.fromAddress("203.0.113.9")).token()).isNotBlank();
    }

    @Test
    @DisplayName("W6 bootstrap makes the root once and prints its generated password once; a second bootstrap exits 1 with 602")
    void bootstrapOnce() {
        CliRun first = run("bootstrap");
        assertThat(first.code()).as(first.all()).isZero();
        assertThat(first.out()).contains("root", "shown this once");
        String password = first.out().lines().filter(l -> l.startsWith("password")).findFirst().orElseThrow().substring(8).strip();
        assertThat(kits.kit().sessions().login("root", password, ClientContext.NONE).token()).isNotBlank();
        CliRun again = run("bootstrap");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("error 602 USER_EXISTS");
        assertThat(again.all()).doesNotContain(password);
    }

    @Test
    @DisplayName("W6 purge runs the maintenance once and prints what it purged per kind")
    void purgeReports() {
        CliRun purge = run("purge");
        assertThat(purge.code()).as(purge.all()).isZero();
        assertThat(purge.out()).contains("lockHeld", "expired_sessions", "unverified_accounts", "total");
        assertThat(run("purge", "--json").out()).contains("\"lockHeld\":true", "\"total\":0");
    }

    @Test
    @DisplayName("W6 keyring generate writes a 0600 file and refuses to replace it without --force (2); rotate adds a version; no key is printed")
    void keyring() throws Exception {
        Path file = work.resolve("data/keyring");
        CliRun made = run("keyring", "generate");
        assertThat(made.code()).as(made.all()).isZero();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String key = Files.readString(file).strip().substring(2);
        assertThat(made.all()).doesNotContain(key);
        CliRun refused = run("keyring", "generate");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--force");
        assertThat(Files.readString(file)).as("unchanged").contains(key);
        assertThat(run("keyring", "generate", "--force").code()).isZero();
        assertThat(Files.readString(file)).doesNotContain(key);
        CliRun rotated = run("keyring", "rotate", "--json");
        assertThat(rotated.out()).contains("\"versions\":[1,2]", "\"current\":2");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        CliRun elsewhere = run("keyring", "rotate", "--file", work.resolve("none").toString());
        assertThat(elsewhere.code()).isEqualTo(2);
        assertThat(elsewhere.err()).contains("keyring generate");
    }

    @Test
    @DisplayName("W6 config shows the effective settings with their sources and masks every secret: key ring, passwords in URLs, SMTP and database passwords")
    void configMasksSecrets() {
        settings.put("USERKIT_KEYS", "1:c2VjcmV0LWtleS1vZi10aGlydHktdHdvLWJ5dGVzLXh4eHg=");
        settings.put("USERKIT_PG_URL", "jdbc:postgresql://db.internal:5432/app?user=app&password=pg-url-secret");
        settings.put("USERKIT_MONGO_URI", "mongodb://app:mongo-secret@mongo.internal:27017/userkit");
        settings.put("USERKIT_SMTP_PASSWORD", "smtp-secret");
        settings.put("USERKIT_SMTP_HOST", "smtp.example.com");
        CliRun config = run("config", "--store", "postgres");
        assertThat(config.code()).as(config.all()).isZero();
        assertThat(config.out()).contains("USERKIT_SERVER_STORE", "postgres", "USERKIT_SMTP_HOST", "smtp.example.com",
                "db.internal:5432/app", "mongo.internal", "versions [1]", "default");
        assertThat(config.all()).doesNotContain("c2VjcmV0", "pg-url-secret", "mongo-secret", "smtp-secret");
        assertThat(run("config", "--json").all()).doesNotContain("c2VjcmV0", "pg-url-secret", "mongo-secret", "smtp-secret");
    }

    @Test
    @DisplayName("W6 schema export prints the SQL for the selected database without reaching it; MongoDB is bad usage (2) naming --store")
    void schemaExport() {
        CliRun pg = run("schema", "export");
        assertThat(pg.code()).as(pg.all()).isZero();
        assertThat(pg.out()).containsIgnoringCase("CREATE TABLE");
        CliRun maria = run("schema", "export", "--store", "mariadb");
        assertThat(maria.out()).containsIgnoringCase("CREATE TABLE").isNotEqualTo(pg.out());
        CliRun mongo = run("schema", "export", "--store", "mongo");
        assertThat(mongo.code()).isEqualTo(2);
        assertThat(mongo.err()).contains("--store");
        assertThat(run("schema", "migrate").code()).isZero();
        assertThat(run("schema", "validate").out()).contains("current");
    }

    @Test
    @DisplayName("W6 bad usage exits 2 naming the flag: an unknown flag, an unknown store, a bad schema mode, --db-url with the embedded store, a noun without its verb")
    void badUsage() {
        CliRun unknown = run("users", "list", "--nope");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--nope");
        CliRun store = run("purge", "--store", "oracle");
        assertThat(store.code()).isEqualTo(2);
        assertThat(store.err()).contains("--store").contains("embedded-postgres, postgres, mariadb, mongo");
        CliRun schema = run("purge", "--schema", "sometimes");
        assertThat(schema.code()).isEqualTo(2);
        assertThat(schema.err()).contains("--schema: ").contains("USERKIT_SERVER_SCHEMA");
        CliRun url = run("purge", "--db-url", "jdbc:postgresql://db/app");
        assertThat(url.code()).isEqualTo(2);
        assertThat(url.err()).contains("--db-url needs --store postgres, mariadb or mongo");
        CliRun noun = run("users");
        assertThat(noun.code()).isEqualTo(2);
        assertThat(noun.err()).contains("create", "list", "unlock");
        assertThat(run().code()).isEqualTo(2);
        CliRun help = run("users", "create", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--password-stdin", "--email", "--store", "--json");
    }
}
