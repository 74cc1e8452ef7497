package dev.userkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar started as its own process, as a person starts it, over real HTTP (W5). */
class ServerJarIT {
    @TempDir
    Path work;

    @Test
    @DisplayName("W5 the jar starts on an embedded PostgreSQL, prints the root password once, serves login and health, and keeps the account over a restart")
    void jarKeepsAccountsOverRestart() throws Exception {
        String password;
        String token;
        String firstOutput;
        try (ServerProcess first = ServerProcess.start(work)) {
            password = first.rootPassword();
            assertThat(password).as("the generated root password on first start").isNotBlank();
            assertThat(Http.get(first.baseUrl() + "/health/live", null).statusCode()).isEqualTo(200);
            assertThat(Http.get(first.baseUrl() + "/health/ready", null).statusCode()).isEqualTo(200);
            HttpResponse<String> login = Http.login(first.baseUrl(), "root", password);
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            token = Http.sessionToken(login).orElseThrow();
            HttpResponse<String> me = Http.get(first.baseUrl() + "/auth/userInfo?session=" + token, token);
            assertThat(me.body()).contains("\"username\":\"root\"");
            assertThat(first.stop()).as("exit after SIGTERM").isIn(0, 143);
            firstOutput = first.output();
        }
        assertThat(firstOutput).contains("UserKit server stopped").doesNotContain("Exception");
        assertThat(Files.getPosixFilePermissions(work.resolve("userkit-data/keyring")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        try (ServerProcess second = ServerProcess.start(work)) {
            assertThat(second.rootPassword()).as("no password on a later start").isNull();
            assertThat(second.output()).contains("Embedded PostgreSQL started").doesNotContain("initialised");
            HttpResponse<String> again = Http.login(second.baseUrl(), "root", password);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(Http.get(second.baseUrl() + "/auth/userInfo", token).body()).as("a session survives the restart")
                    .contains("\"username\":\"root\"");
            second.stop();
            String all = firstOutput + "\n" + second.output();
            assertThat(all).as("the access log logged the requests").contains("POST /auth/login 200", "GET /auth/userInfo 200");
            assertThat(all.split(java.util.regex.Pattern.quote(password), -1)).as("the password appears only where it was printed")
                    .hasSize(2);
            assertThat(all).as("no session token in any log line").doesNotContain(token);
        }
    }
}
