package dev.userkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.access.AccessControl;
import dev.userkit.accounts.Accounts;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Verb;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the starter does in a running application ({@code OrdersApplication}), over loopback HTTP;
 * each subclass starts it on another kind of store configuration, so one context runs all of these.
 */
abstract class StarterScenario {
    private static final String PASSWORD = "amber lantern over quiet harbour";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    AccessControl access;

    @Test
    @DisplayName("W6 sign up through UserKit's API, log in through Spring Security with UserKit behind it: the guarded endpoint is 403 without the role, 200 with it, also with a signed access token")
    void signUpLogInAndTheGuardedEndpoint() {
        Web web = new Web(port);
        assertThat(web.postJson("/um/signup", "{\"userName\":\"alice\",\"email\":\"alice@example.com\",\"password\":\"" + PASSWORD + "\"}", null)
                .statusCode()).isEqualTo(200);
        HttpResponse<String> login = web.login("alice", PASSWORD);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String session = Web.field(login.body(), "token");

        assertThat(web.get("/api/orders", session).statusCode()).isEqualTo(403);

        access.createRole("clerk", "reads orders");
        access.addPermission("clerk", new Permission("orders", "/api/**", Set.of(Verb.GET)));
        access.grant(accounts.findByUsername("alice").orElseThrow().id(), "clerk");
        HttpResponse<String> orders = web.get("/api/orders", session);
        assertThat(orders.statusCode()).isEqualTo(200);
        assertThat(orders.body()).isEqualTo("orders of alice");

        HttpResponse<String> issued = web.postJson("/um/token", "{}", session);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        assertThat(web.get("/api/orders", Web.field(issued.body(), "accessToken")).statusCode()).isEqualTo(200);

        HttpResponse<String> logins = web.get("/actuator/metrics/userkit.logins?tag=outcome:success", null);
        assertThat(logins.statusCode()).as(logins.body()).isEqualTo(200);
        assertThat(logins.body()).contains("\"name\":\"userkit.logins\"").doesNotContain("\"value\":0.0");
    }

    @Test
    @DisplayName("W6 a wrong password through Spring Security's login is 401 with UserKit's code 603, an unknown name answers the same; no token or a bad one is 401")
    void wrongPasswordIsRefusedWithItsCode() {
        Web web = new Web(port);
        web.postJson("/um/signup", "{\"userName\":\"bob\",\"email\":\"bob@example.com\",\"password\":\"" + PASSWORD + "\"}", null);
        HttpResponse<String> wrong = web.login("bob", "not the password at all");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("\"internalStatus\":603");
        HttpResponse<String> unknown = web.login("nobody-here", "not the password at all");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertThat(web.get("/api/orders", null).statusCode()).isEqualTo(401);
        assertThat(web.get("/api/orders", "not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("W6 Actuator's health shows the userKit component UP with its store reachable")
    void healthIndicator() {
        HttpResponse<String> health = new Web(port).get("/actuator/health", null);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"userKit\":{").contains("\"store\":\"reachable\"").contains("\"schemaMode\":\"migrate\"");
    }
}
