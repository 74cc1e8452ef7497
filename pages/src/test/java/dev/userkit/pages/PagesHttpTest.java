package dev.userkit.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ClientContext;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pages over plain HTTP in Jetty 12: CSRF on their forms, their headers, their languages. */
class PagesHttpTest {
    private static final String PASSWORD = "brass lamps glow over the canal";
    private static final String EVIL = "https://evil.example";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static PagesWorld world;

    @BeforeAll
    static void start() throws Exception {
        world = new PagesWorld();
        world.activeUser("uma", PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        world.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        return new LoopbackHttp(world.baseUrl).get(path, headers);
    }

    private HttpResponse<String> post(String path, String form, String... headers) throws Exception {
        return new LoopbackHttp(world.baseUrl).post(path, form, headers);
    }

    private String csrfOf(String cookie) throws Exception {
        Matcher m = CSRF_FIELD.matcher(get("/pages/account", "Cookie", cookie).body());
        assertThat(m.find()).as("the account page's forms carry the CSRF token").isTrue();
        return m.group(1);
    }

    @Test
    @DisplayName("SEC-30 a page's form post from a foreign Origin, or without the CSRF token, is refused; with both it passes")
    void csrfOnForms() throws Exception {
        String token = world.kit.sessions().login("uma", PASSWORD, ClientContext.NONE).token();
        String cookie = "userkit_session=" + token;
        String csrf = csrfOf(cookie);
        String form = "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);

        assertThat(post("/pages/account/sign-out-others", form, "Cookie", cookie, "Origin", EVIL).statusCode()).isEqualTo(403);
        assertThat(post("/pages/account/sign-out-others", "", "Cookie", cookie, "Origin", world.baseUrl).statusCode()).isEqualTo(403);
        assertThat(post("/pages/account/sign-out-others", "_csrf=forged", "Cookie", cookie, "Origin", world.baseUrl).statusCode())
                .isEqualTo(403);
        HttpResponse<String> ok = post("/pages/account/sign-out-others", form, "Cookie", cookie, "Origin", world.baseUrl);
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).contains("/pages/account?done=signed_out_others");
    }

    @Test
    @DisplayName("SEC-30 a login form posted from a foreign Origin is refused (login CSRF), from the pages' own it passes")
    void loginCsrf() throws Exception {
        String form = "username=uma&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        assertThat(post("/pages/login", form, "Origin", EVIL).statusCode()).isEqualTo(403);
        HttpResponse<String> ok = post("/pages/login", form, "Origin", world.baseUrl);
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("userkit_session=").contains("HttpOnly"))
                .anySatisfy(c -> assertThat(c).startsWith("userkit_csrf="));
    }

    @Test
    @DisplayName("W5 pages are not cached, not framed, and confined to their own origin by their content security policy")
    void headers() throws Exception {
        HttpResponse<String> r = get("/pages/login");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'").contains("form-action 'self'");
        assertThat(get("/pages/style.css").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("W5 the pages speak the visitor's Accept-Language (German here), error messages included, English otherwise")
    void localised() throws Exception {
        assertThat(get("/pages/login", "Accept-Language", "de-DE,de;q=0.9").body()).contains("<html lang=\"de-DE\">")
                .contains("Passwort vergessen?");
        assertThat(get("/pages/login", "Accept-Language", "fr").body()).contains("Forgot your password?");
        HttpResponse<String> refused = post("/pages/signup", "username=uma&email=uma2%40example.com&password=x", "Origin", world.baseUrl,
                "Accept-Language", "de");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("<p class=\"error\" id=\"password-error\">Das Passwort ist zu kurz</p>").contains("Registrieren");
    }

    @Test
    @DisplayName("W5 a verification link opened by a GET (a mail scanner) does not spend the code; the page's POST does")
    void verifyGetIsSafe() throws Exception {
        var reg = world.kit.accounts().register(dev.userkit.accounts.NewUser.builder("vera", "vera@example.com").password(PASSWORD).build(),
                ClientContext.NONE);
        String code = URLEncoder.encode(reg.verificationCode(), StandardCharsets.UTF_8);
        assertThat(get("/pages/verify?code=" + code).statusCode()).isEqualTo(200);
        assertThat(world.kit.accounts().findById(reg.userId()).orElseThrow().status().name()).isEqualTo("PENDING");
        assertThat(post("/pages/verify", "code=" + code, "Origin", world.baseUrl).statusCode()).isEqualTo(303);
        assertThat(world.kit.accounts().findById(reg.userId()).orElseThrow().status().name()).isEqualTo("ACTIVE");
    }
}
