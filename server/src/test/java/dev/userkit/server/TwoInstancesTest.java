package dev.userkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.config.Settings;
import dev.userkit.launch.EmbeddedDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers (two Jetty instances, two kits, two pools, two outbox senders, two inboxes) started at
 * once against one PostgreSQL, run the same flows at the same time over real HTTP (REL-9).
 */
class TwoInstancesTest {
    private static final String PASSWORD = "seven lanterns drift over the harbour";
    @TempDir
    static Path work;
    private static EmbeddedDatabase database;
    private static UserKitServer a;
    private static UserKitServer b;
    private static String urlA;
    private static String urlB;
    private static final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private static final ExecutorService pool = Executors.newFixedThreadPool(8);

    @BeforeAll
    static void startBoth() throws Exception {
        database = EmbeddedDatabase.start(work.resolve("pg"));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> shared = new HashMap<>(Map.of("USERKIT_SERVER_STORE", "postgres", "USERKIT_SERVER_PORT", "0",
                "USERKIT_KEYS", "1:" + Base64.getEncoder().encodeToString(key)));
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        CountDownLatch go = new CountDownLatch(1);
        Future<UserKitServer> first = pool.submit(() -> start(shared, "a", out, go));
        Future<UserKitServer> second = pool.submit(() -> start(shared, "b", out, go));
        go.countDown();
        a = first.get();
        b = second.get();
        urlA = "http://127.0.0.1:" + a.port();
        urlB = "http://127.0.0.1:" + b.port();
    }

    private static UserKitServer start(Map<String, String> shared, String name, PrintStream out, CountDownLatch go) throws InterruptedException {
        Map<String, String> own = new HashMap<>(shared);
        own.put("USERKIT_SERVER_DATA_DIR", work.resolve(name).toString());
        Settings settings = Settings.of(own).orElse(database.connection());
        go.await();
        return UserKitServer.start(ServerSettings.read(settings), settings, out);
    }

    @AfterAll
    static void stopAll() {
        pool.shutdownNow();
        if (a != null) a.close();
        if (b != null) b.close();
        if (database != null) database.close();
    }

    @Test
    @DisplayName("REL-9 two servers starting at once on one empty database make one root user and print one password")
    void oneRoot() {
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out.split("shown this once", -1)).hasSize(2);
        assertThat(out.split("UserKit server listening", -1)).hasSize(3);
    }

    @Test
    @DisplayName("REL-9 concurrent sign-ups of one name on two servers: one succeeds, the others are refused on the username, one verification mail")
    void oneAccountPerName() throws Exception {
        int n = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String url = (i % 2 == 0 ? urlA : urlB) + "/pages/signup";
            Map<String, String> form = Map.of("username", "samename", "email", "same" + i + "@example.com", "password", PASSWORD);
            answers.add(pool.submit(() -> {
                go.await();
                return Http.postForm(url, form);
            }));
        }
        go.countDown();
        int created = 0;
        int refused = 0;
        for (Future<HttpResponse<String>> f : answers) {
            HttpResponse<String> r = f.get();
            if (r.statusCode() == 303) created++;
            else if (r.statusCode() == 400) refused++;
        }
        assertThat(created).isEqualTo(1);
        assertThat(refused).isEqualTo(n - 1);
        Map<String, Integer> mails = awaitMails(List.of("same0@", "same1@", "same2@", "same3@", "same4@", "same5@", "same6@", "same7@"), 1);
        assertThat(mails.values().stream().mapToInt(Integer::intValue).sum()).as("one account, so one mail: " + mails).isEqualTo(1);
    }

    @Test
    @DisplayName("REL-9 each mail of sign-ups spread over two servers is delivered once, none lost; one verification code has one winner across servers")
    void mailOnceAndOneWinnerPerCode() throws Exception {
        int n = 10;
        List<String> addresses = new ArrayList<>();
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String address = "many" + i + "@example.com";
            addresses.add(address);
            String url = (i % 2 == 0 ? urlA : urlB) + "/pages/signup";
            Map<String, String> form = Map.of("username", "many" + i, "email", address, "password", PASSWORD);
            answers.add(pool.submit(() -> Http.postForm(url, form)));
        }
        for (Future<HttpResponse<String>> f : answers) assertThat(f.get().statusCode()).isEqualTo(303);
        Map<String, Integer> mails = awaitMails(addresses, n);
        assertThat(mails).as("each address got its mail once, in one of the two inboxes").allSatisfy((address, count) -> assertThat(count).isEqualTo(1));

        String code = codeFor("many0@example.com");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> verifies = new ArrayList<>();
        for (String url : List.of(urlA, urlB, urlA, urlB)) {
            verifies.add(pool.submit(() -> {
                go.await();
                return Http.postForm(url + "/pages/verify", Map.of("code", code));
            }));
        }
        go.countDown();
        int won = 0;
        for (Future<HttpResponse<String>> f : verifies) if (f.get().statusCode() == 303) won++;
        assertThat(won).as("one verification per code").isEqualTo(1);
        assertThat(Http.login(urlB, "many0", PASSWORD).statusCode()).as("the verified account logs in on the other server").isEqualTo(200);
    }

    @Test
    @DisplayName("REL-9 a session ended on one server is refused on the other")
    void revocationAcrossServers() throws Exception {
        HttpResponse<String> signup = Http.postForm(urlA + "/pages/signup",
                Map.of("username", "leaver", "email", "leaver@example.com", "password", PASSWORD));
        assertThat(signup.statusCode()).isEqualTo(303);
        awaitMails(List.of("leaver@example.com"), 1);
        assertThat(Http.postForm(urlB + "/pages/verify", Map.of("code", codeFor("leaver@example.com"))).statusCode()).isEqualTo(303);
        HttpResponse<String> login = Http.login(urlA, "leaver", PASSWORD);
        assertThat(login.statusCode()).isEqualTo(200);
        String token = Http.sessionToken(login).orElseThrow();
        assertThat(Http.get(urlB + "/auth/userInfo", token).statusCode()).as("valid on the other server").isEqualTo(200);
        assertThat(Http.postJson(urlA + "/auth/logout", "{}", token).statusCode()).isEqualTo(200);
        assertThat(Http.get(urlB + "/auth/userInfo", token).statusCode()).as("refused on the other server after logout").isEqualTo(204);
        assertThat(Http.get(urlA + "/auth/userInfo", token).statusCode()).isEqualTo(204);
    }

    /** The code of the one verification mail to {@code address}, from whichever inbox holds it. */
    private static String codeFor(String address) throws Exception {
        for (String url : List.of(urlA, urlB)) {
            for (long number : Inbox.numbers(url)) {
                String page = Http.get(url + "/inbox/" + number, null).body();
                if (page.contains(address)) return Inbox.code(Inbox.link(url, number));
            }
        }
        throw new AssertionError("no mail to " + address);
    }

    /**
     * Waits (the senders deliver in the background) until the two inboxes together list {@code expected}
     * mails to the addresses, then once more a poll interval later, so a duplicate would show; the counts per address.
     */
    private static Map<String, Integer> awaitMails(List<String> addresses, int expected) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Map<String, Integer> counts = counts(addresses);
        while (counts.values().stream().mapToInt(Integer::intValue).sum() < expected && System.nanoTime() < end) {
            Thread.sleep(200);
            counts = counts(addresses);
        }
        Thread.sleep(Duration.ofSeconds(6).toMillis()); // one outbox poll interval (5 s) and a little: a second delivery would be in by now
        return counts(addresses);
    }

    private static Map<String, Integer> counts(List<String> addresses) throws Exception {
        String both = Inbox.list(urlA) + "\n" + Inbox.list(urlB);
        Map<String, Integer> counts = new HashMap<>();
        for (String address : addresses) counts.put(address, Inbox.count(both, address));
        return counts;
    }
}
