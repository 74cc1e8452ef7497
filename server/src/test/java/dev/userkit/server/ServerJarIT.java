package dev.userkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar started as its own process, as a person starts it, over real HTTP (W5). */
class ServerJarIT {
    private static final String ALICE = "amber lanterns over a quiet harbour";
    @TempDir
    Path work;
    private String verifyCode;

    /** The link of the one verification mail, once the outbox sender has put it in the inbox. */
    private static String awaitVerificationLink(String baseUrl) throws Exception {
        long end = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (Inbox.numbers(baseUrl).isEmpty() && System.nanoTime() < end) Thread.sleep(200);
        java.util.List<Long> numbers = Inbox.numbers(baseUrl);
        assertThat(numbers).as("one mail in the inbox").hasSize(1);
        return Inbox.link(baseUrl, numbers.get(0));
    }

    @Test
    @DisplayName("W5 the packaged jar on an embedded PostgreSQL: root password printed once, health, sign-up through umpack's POST /um/signup, verification through the inbox, login; after a restart the same accounts log in, no password is printed, and the log holds no token, code or password")
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

            HttpResponse<String> signup = Http.postJson(first.baseUrl() + "/um/signup",
                    "{\"userName\":\"alice\",\"email\":\"alice@example.com\",\"password\":" + Http.quote(ALICE) + "}", null);
            assertThat(signup.statusCode()).as(signup.body()).isEqualTo(200);
            assertThat(signup.body()).contains("\"success\":true");
            assertThat(Http.login(first.baseUrl(), "alice", ALICE).statusCode()).as("pending until verified").isEqualTo(403);
            String link = awaitVerificationLink(first.baseUrl());
            assertThat(link).startsWith(first.baseUrl() + "/pages/verify?code=");
            verifyCode = Inbox.code(link);
            assertThat(Http.get(link, null).statusCode()).as("the link shows the button").isEqualTo(200);
            HttpResponse<String> verified = Http.postForm(first.baseUrl() + "/pages/verify", Map.of("code", verifyCode));
            assertThat(verified.statusCode()).as(verified.body()).isEqualTo(303);
            HttpResponse<String> alice = Http.login(first.baseUrl(), "alice", ALICE);
            assertThat(alice.statusCode()).as(alice.body()).isEqualTo(200);
            assertThat(first.stop()).as("exit after SIGTERM").isIn(0, 143);
            firstOutput = first.output();
        }
        assertThat(firstOutput).contains("UserKit server stopped", "UserKit maintenance started").doesNotContain("Exception");
        assertThat(Files.getPosixFilePermissions(work.resolve("userkit-data/keyring")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        try (ServerProcess second = ServerProcess.start(work)) {
            assertThat(second.rootPassword()).as("no password on a later start").isNull();
            assertThat(second.output()).contains("Embedded PostgreSQL started").doesNotContain("initialised");
            HttpResponse<String> again = Http.login(second.baseUrl(), "root", password);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            HttpResponse<String> aliceAgain = Http.login(second.baseUrl(), "alice", ALICE);
            assertThat(aliceAgain.statusCode()).as("the signed-up account survives the restart: " + aliceAgain.body()).isEqualTo(200);
            assertThat(Http.get(second.baseUrl() + "/auth/userInfo", token).body()).as("a session survives the restart")
                    .contains("\"username\":\"root\"");
            second.stop();
            String all = firstOutput + "\n" + second.output();
            assertThat(all).as("the access log logged the requests").contains("POST /auth/login 200", "GET /auth/userInfo 200");
            assertThat(all.split(java.util.regex.Pattern.quote(password), -1)).as("the password appears only where it was printed")
                    .hasSize(2);
            assertThat(all).as("no session token in any log line").doesNotContain(token);
            assertThat(all).as("no verification code, no user password in the output").doesNotContain(verifyCode).doesNotContain(ALICE);
            assertThat(all).as("the verify link was logged without its query").contains("GET /pages/verify 200");
        }
    }
}
