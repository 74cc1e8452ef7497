package dev.userkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad flags stop the start before anything opens, naming the flag (W5). */
class ServerCommandTest {
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CommandLine cli = new CommandLine(new ServerCommand(out));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    @DisplayName("W5 a port that is not a number fails with exit code 2 and names --port")
    void portNotANumber() {
        assertThat(run("--port", "eighty")).isEqualTo(2);
        assertThat(err.toString()).contains("--port").contains("eighty");
    }

    @Test
    @DisplayName("W5 a port out of range fails naming --port and its variable")
    void portOutOfRange() {
        assertThat(run("--port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("--port: USERKIT_SERVER_PORT must be 0-65535");
    }

    @Test
    @DisplayName("W5 an unknown store, a malformed grace and an unknown flag each fail naming the flag")
    void otherBadFlags() {
        assertThat(run("--store", "oracle")).isEqualTo(2);
        assertThat(err.toString()).contains("--store").contains("embedded-postgres, postgres, mariadb, mongo");
        assertThat(run("--shutdown-grace", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("--shutdown-grace: USERKIT_SERVER_SHUTDOWN_GRACE");
        assertThat(run("--prot", "8080")).isEqualTo(2);
        assertThat(err.toString()).contains("--prot");
    }

    @Test
    @DisplayName("W5 --db-url with the embedded PostgreSQL fails: it names the stores it applies to")
    void dbUrlNeedsExternalStore() {
        assertThat(run("--db-url", "jdbc:postgresql://db/app")).isEqualTo(2);
        assertThat(err.toString()).contains("--db-url needs --store postgres, mariadb or mongo");
    }
}
