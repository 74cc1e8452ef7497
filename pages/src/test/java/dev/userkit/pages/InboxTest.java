package dev.userkit.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ClientContext;
import dev.userkit.accounts.NewUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The local inbox: bounded, and served to loopback peers only, over real HTTP in Jetty 12. */
class InboxTest {
    private static PagesWorld world;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        world = new PagesWorld();
        world.kit.accounts().register(NewUser.builder("ivy", "ivy@example.com").password("green tendrils climb the old stone wall").build(),
                ClientContext.NONE);
        world.deliverMail();
    }

    @AfterAll
    static void stop() throws Exception {
        world.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(world.baseUrl + path));
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("W5 the inbox lists delivered mail to a loopback peer and shows one message with its link into the pages")
    void loopbackReads() throws Exception {
        HttpResponse<String> list = get("/inbox");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(list.body()).contains("ivy@example.com").contains("href=\"/inbox/1\"");
        HttpResponse<String> one = get("/inbox/1");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("id=\"mail-link\" href=\"" + world.baseUrl + "/pages/verify?code");
        assertThat(get("/inbox/99").statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("W5 the inbox refuses a non-loopback peer with 403, whatever X-Forwarded-For says")
    void farPeerRefused() throws Exception {
        HttpResponse<String> far = get("/inbox", PagesWorld.FAKE_PEER_HEADER, "1", "X-Forwarded-For", "127.0.0.1");
        assertThat(far.statusCode()).isEqualTo(403);
        assertThat(far.body()).doesNotContain("ivy@example.com");
        assertThat(get("/inbox/1", PagesWorld.FAKE_PEER_HEADER, "1").statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("W5 a loopback peer is told apart by its address literal only: 127/8 and ::1 pass, others and names do not")
    void loopbackLiterals() {
        assertThat(InboxServlet.loopback("127.0.0.1")).isTrue();
        assertThat(InboxServlet.loopback("127.8.9.10")).isTrue();
        assertThat(InboxServlet.loopback("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(InboxServlet.loopback("[::1]")).isTrue();
        assertThat(InboxServlet.loopback("203.0.113.9")).isFalse();
        assertThat(InboxServlet.loopback("localhost")).isFalse();
        assertThat(InboxServlet.loopback("")).isFalse();
        assertThat(InboxServlet.loopback(null)).isFalse();
    }

    @Test
    @DisplayName("W5 the inbox keeps the last N messages, newest first, and a redelivered message once")
    void bounded() {
        InboxMailer small = new InboxMailer(2, Clock.systemUTC());
        var first = world.inbox.messages().get(0).message();
        small.send(first);
        small.send(first);
        assertThat(small.messages()).hasSize(1);
        assertThat(small.find(1)).isPresent();
        assertThat(world.inbox.messages()).isNotEmpty();
    }
}
