package dev.userkit.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.KeyRing;
import dev.userkit.PasswordHashing;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.memory.InMemoryStores;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The web server's stop over real HTTP: what is in flight finishes, nothing new gets in (W5). */
class GracefulStopTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @DisplayName("W5 a graceful stop lets the request in flight finish with its answer, then refuses new connections")
    void stopFinishesRequestsInFlight() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServlet slow = new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                response.getWriter().write("finished");
            }
        };
        try (UserKit kit = kit()) {
            WebServer server = WebServer.start("127.0.0.1", 0, Duration.ofSeconds(10), kit,
                    List.of(ctx -> ctx.addServlet("slow", slow).addMapping("/slow")));
            String url = "http://127.0.0.1:" + server.port();
            CompletableFuture<HttpResponse<String>> inFlight = CLIENT.sendAsync(
                    HttpRequest.newBuilder(URI.create(url + "/slow")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(10, TimeUnit.SECONDS)).as("the request reached the servlet").isTrue();
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
            Thread.sleep(300);   // the stop has begun and waits for the request: let it finish now
            assertThat(stopping).as("the stop waits for the request in flight").isNotDone();
            release.countDown();
            HttpResponse<String> answer = inFlight.get(10, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("finished");
            stopping.get(10, TimeUnit.SECONDS);
            HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            assertThatThrownBy(() -> fresh.send(HttpRequest.newBuilder(URI.create(url + "/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
        }
    }

    private static UserKit kit() {
        UserKitConfig config = UserKitConfig.builder().keyRing(KeyRing.of(Map.of(1, new byte[32]), 1))
                .passwordHashing(PasswordHashing.insecureForTestsOnly()).build();
        return UserKit.builder().stores(InMemoryStores.create()).config(config).build();
    }
}
