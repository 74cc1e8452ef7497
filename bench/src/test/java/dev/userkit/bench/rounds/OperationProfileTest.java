package dev.userkit.bench.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.bench.rounds.Profiles.ColumnProfile;
import dev.userkit.bench.rounds.Profiles.ProfileRun;
import dev.userkit.bench.rounds.Profiles.StatementShare;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profile mode at a tiny size on an embedded PostgreSQL started counting statements: what it counts
 * and names, never how fast anything was.
 */
class OperationProfileTest {
    @TempDir
    static Path out;
    private static ProfileRun run;

    @BeforeAll
    static void profile() throws Exception {
        List<ProfileRun> runs = OperationProfile.run(ProfileOptions.parse("--stores", "postgres", "--sessions", "30", "--calls", "30",
                "--hash-calls", "2", "--out", out.toString()));
        assertThat(runs).hasSize(1);
        run = runs.get(0);
    }

    @Test
    @DisplayName("issue 9 profile: every column of every operation ran on PostgreSQL without an error")
    void profileWhenRunOnPostgresThenEveryColumnIsProfiled() {
        assertThat(run.errors()).isEmpty();
        assertThat(run.columns()).extracting(ColumnProfile::column).contains("raw SELECT by token_hash", "Sessions.validate",
                "Spring Session findById", "Sessions.validate, cache on", "AccessControl.authorize", "raw Argon2id verify", "Sessions.login",
                "raw Argon2id hash + INSERT", "Accounts.register");
        assertThat(run.durability()).containsKey("synchronous_commit");
    }

    @Test
    @DisplayName("issue 9 profile: pg_stat_statements counts validation's one joined statement per call and the raw read's one")
    void profileWhenValidatingThenOneJoinedStatementPerCallIsCounted() {
        assertThat(statement(column("Sessions.validate"), "FROM userkit_sessions s").perCall()).isEqualTo(1.0);
        assertThat(statement(column("raw SELECT by token_hash"), "FROM userkit_sessions WHERE token_hash").perCall()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("issue 9 profile: a login's statements are named, its writes counted, and its hash shows in the client's CPU samples")
    void profileWhenLoggingInThenStatementsWritesAndHashAreReported() {
        ColumnProfile login = column("Sessions.login");
        assertThat(statement(login, "INSERT INTO userkit_sessions").wrote()).isTrue();
        assertThat(login.statements()).anyMatch(s -> s.statement().contains("userkit_attempts"));
        assertThat(login.writesPerCall()).isGreaterThanOrEqualTo(1.0);
        assertThat(login.cpu().byTopFrame()).anyMatch(s -> s.name().equals("Password4j"));
    }

    @Test
    @DisplayName("issue 9 profile: the markdown and JSON are written, and the markdown names the statements and the machine's load")
    void profileWhenWrittenThenMarkdownNamesStatements() throws Exception {
        Path md;
        try (Stream<Path> files = Files.list(out)) {
            md = files.filter(p -> p.getFileName().toString().matches("profile-.*-postgres\\.md")).findFirst().orElseThrow();
        }
        assertThat(Path.of(md.toString().replace(".md", ".json"))).exists();
        assertThat(Files.readString(md)).contains("## login: Sessions.login", "INSERT INTO userkit_sessions", "FROM userkit_sessions WHERE token_hash",
                "load average", "pg_stat_statements", "by the top frame's library");
    }

    private static ColumnProfile column(String name) {
        return run.columns().stream().filter(c -> c.column().equals(name)).findFirst().orElseThrow();
    }

    private static StatementShare statement(ColumnProfile c, String text) {
        return c.statements().stream().filter(s -> s.statement().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError(c.column() + " ran no statement with " + text + ": " + c.statements()));
    }
}
