package dev.userkit.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.domain.Permission;
import dev.userkit.domain.UserId;
import dev.userkit.domain.Verb;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.support.ui.Select;

/**
 * The pages in a real headless Chromium (Debian's) against the HTTP edge and the pages in embedded
 * Jetty 12 on loopback, over an in-memory kit whose mail lands in the local inbox. Each test saves a
 * screenshot of each page it passes under {@code target/screenshots}.
 */
class BrowserFlowTest {
    private static final String PASSWORD = "copper kettles whistle at dawn";
    private static final String NEW_PASSWORD = "silver herons wade in the reeds";
    private static PagesWorld world;
    private Browser browser;
    private WebDriver driver;

    @BeforeAll
    static void start() throws Exception {
        world = new PagesWorld();
    }

    @AfterAll
    static void stop() throws Exception {
        world.close();
    }

    @BeforeEach
    void openBrowser() throws Exception {
        browser = new Browser("en");
        driver = browser.driver;
    }

    @AfterEach
    void closeBrowser() throws Exception {
        browser.close();
    }

    private void open(String path) {
        driver.get(world.baseUrl + path);
    }

    private void fill(String id, String value) {
        driver.findElement(By.id(id)).clear();
        driver.findElement(By.id(id)).sendKeys(value);
    }

    private void submitFirstForm() {
        click(By.cssSelector("main form button[type=submit]"));
    }

    /** Clicks and waits until the browser has left the page (every form here answers with a new page). */
    private void click(By target) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(target).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> gone(page));
    }

    /**
     * Whether an element's page has been left. Chromium reports a node of a replaced document
     * either as stale or as "does not belong to the document"; both mean the old page is gone.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException left) {
            return true;
        }
    }

    private String main() {
        return driver.findElement(By.tagName("main")).getText();
    }

    private void logIn(String name, String password) {
        open("/pages/login");
        fill("username", name);
        fill("password", password);
        submitFirstForm();
        assertThat(driver.getCurrentUrl()).endsWith("/pages/account");
    }

    /** Opens the newest mail to an address in the inbox page and follows its link. */
    private void followNewestMailTo(String address, String shot) throws Exception {
        world.deliverMail();
        open("/inbox");
        browser.screenshot(shot + "-inbox");
        click(By.xpath("//tr[td[text()='" + address + "']][1]//a"));
        browser.screenshot(shot + "-mail");
        click(By.id("mail-link"));
    }

    @Test
    @DisplayName("W5 sign up, open the verification mail from the inbox page, verify, log in and log out in Chromium")
    void signUpVerifyLogInLogOut() throws Exception {
        open("/pages/signup");
        assertThat(driver.findElement(By.cssSelector("meta[name=viewport]")).getAttribute("content")).contains("width=device-width");
        fill("username", "nora");
        fill("email", "nora@example.com");
        fill("password", PASSWORD);
        browser.screenshot("signup");
        submitFirstForm();
        assertThat(driver.getCurrentUrl()).contains("/pages/login");
        assertThat(main()).contains("Check your mail");

        followNewestMailTo("nora@example.com", "verification");
        assertThat(driver.getCurrentUrl()).contains("/pages/verify?code=");
        browser.screenshot("verify");
        submitFirstForm();
        assertThat(main()).contains("Your email is verified");
        browser.screenshot("login");

        logIn("nora", PASSWORD);
        assertThat(main()).contains("nora").contains("nora@example.com").contains("ACTIVE");
        browser.screenshot("account");

        click(By.cssSelector("header form button"));
        assertThat(main()).contains("You are logged out");
        open("/pages/account");
        assertThat(driver.getCurrentUrl()).endsWith("/pages/login");
    }

    @Test
    @DisplayName("W5 a refused sign-up shows the typed error next to its field, and the entered values stay")
    void errorNextToField() throws Exception {
        world.activeUser("olga", PASSWORD);
        open("/pages/signup");
        fill("username", "olga");
        fill("email", "other-olga@example.com");
        fill("password", PASSWORD);
        submitFirstForm();
        assertThat(driver.findElement(By.id("username-error")).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("username")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("username")).getAttribute("aria-describedby")).isEqualTo("username-error");
        assertThat(driver.findElement(By.id("email")).getAttribute("value")).isEqualTo("other-olga@example.com");
        browser.screenshot("signup-error");
    }

    @Test
    @DisplayName("W5 changing the password on my account revokes the other session")
    void changePasswordRevokesOthers() throws Exception {
        world.activeUser("pia", PASSWORD);
        String elsewhere = world.kit.sessions().login("pia", PASSWORD, ClientContext.NONE).token();
        logIn("pia", PASSWORD);
        assertThat(driver.findElements(By.cssSelector("#sessions tr.session"))).hasSize(2);
        fill("pw-current", PASSWORD);
        fill("pw-new", NEW_PASSWORD);
        click(By.id("change-password"));
        assertThat(main()).contains("Your password is changed");
        assertThat(driver.findElements(By.cssSelector("#sessions tr.session"))).hasSize(1);
        browser.screenshot("account-password-changed");
        assertThatThrownBy(() -> world.kit.sessions().validate(elsewhere)).isInstanceOf(UserKitException.class);
        // this browser's session is the one kept
        open("/pages/account");
        assertThat(driver.getCurrentUrl()).endsWith("/pages/account");
    }

    @Test
    @DisplayName("W5 S7 my account signs one chosen other session out and keeps the rest")
    void revokeOneSession() throws Exception {
        world.activeUser("ruth", PASSWORD);
        String elsewhere = world.kit.sessions().login("ruth", PASSWORD, ClientContext.NONE).token();
        logIn("ruth", PASSWORD);
        assertThat(driver.findElements(By.cssSelector("#sessions tr.session"))).hasSize(2);
        click(By.cssSelector("#sessions button.revoke-session"));
        assertThat(main()).contains("That session is signed out");
        assertThat(driver.findElements(By.cssSelector("#sessions tr.session"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#sessions button.revoke-session"))).isEmpty();
        assertThatThrownBy(() -> world.kit.sessions().validate(elsewhere)).isInstanceOf(UserKitException.class);
    }

    @Test
    @DisplayName("W5 a wrong current password is refused next to that field on my account")
    void wrongCurrentPassword() throws Exception {
        world.activeUser("quinn", PASSWORD);
        logIn("quinn", PASSWORD);
        fill("pw-current", "not the password at all");
        fill("pw-new", NEW_PASSWORD);
        click(By.id("change-password"));
        assertThat(driver.findElement(By.id("pw-current-error")).getText()).isNotBlank();
    }

    @Test
    @DisplayName("W5 reset a forgotten password through the link in the mail, then log in with the new one")
    void resetForgottenPassword() throws Exception {
        world.activeUser("rosa", PASSWORD);
        open("/pages/forgot-password");
        fill("username", "rosa@example.com");
        browser.screenshot("forgot-password");
        submitFirstForm();
        assertThat(main()).contains("a reset link is on its way");

        followNewestMailTo("rosa@example.com", "reset");
        assertThat(driver.getCurrentUrl()).contains("/pages/reset-password?code=");
        fill("password", NEW_PASSWORD);
        browser.screenshot("reset-password");
        submitFirstForm();
        assertThat(main()).contains("Your password is changed");
        logIn("rosa", NEW_PASSWORD);
    }

    @Test
    @DisplayName("W5 an admin grants a role on the admin page and the user's next request is allowed")
    void adminGrantsRole() throws Exception {
        world.kit.access().createRole("reader", "reads orders");
        world.kit.access().addPermission("reader", new Permission("orders", "/api/**", Set.of(Verb.GET)));
        UserId sam = world.activeUser("sam", PASSWORD);
        String token = world.kit.sessions().login("sam", PASSWORD, ClientContext.NONE).token();
        assertThat(apiStatus(token)).isEqualTo(403);

        logIn(PagesWorld.ROOT, PagesWorld.ROOT_PASSWORD);
        open("/pages/admin");
        browser.screenshot("admin-users");
        String row = "//tr[@data-user='sam']";
        new Select(driver.findElement(By.xpath(row + "//select"))).selectByVisibleText("reader");
        click(By.xpath(row + "//button[contains(@class,'grant')]"));
        assertThat(main()).contains("Saved");
        assertThat(driver.findElement(By.xpath(row)).getText()).contains("reader");
        assertThat(world.kit.access().rolesOf(sam)).extracting(r -> r.name()).contains("reader");
        assertThat(apiStatus(token)).isEqualTo(200);

        open("/pages/admin/roles");
        assertThat(main()).contains("reader").contains("/api/**");
        browser.screenshot("admin-roles");
        open("/pages/admin/devices");
        browser.screenshot("admin-devices");
    }

    @Test
    @DisplayName("W5 SEC-28 the admin page lists a locked account with until when, and Unlock lets its password in again")
    void adminUnlocksLockedAccount() throws Exception {
        world.activeUser("uma", PASSWORD);
        lockOut("uma");
        logIn(PagesWorld.ROOT, PagesWorld.ROOT_PASSWORD);
        open("/pages/admin");
        assertThat(driver.findElements(By.id("none-locked"))).isEmpty();
        assertThat(driver.findElement(By.xpath("//ul[@id='locked']/li[@data-user='uma']")).getText()).contains("locked until");
        browser.screenshot("admin-locked");
        click(By.xpath("//ul[@id='locked']/li[@data-user='uma']//button"));
        assertThat(main()).contains("Saved");
        assertThat(driver.findElements(By.xpath("//ul[@id='locked']/li[@data-user='uma']"))).isEmpty();
        assertThat(world.kit.sessions().login("uma", PASSWORD, ClientContext.NONE).token()).isNotBlank();
    }

    private static void lockOut(String name) {
        for (int i = 0; i < 100; i++) {
            try {
                world.kit.sessions().login(name, "not the password at all", ClientContext.NONE);
            } catch (UserKitException e) {
                if (e.code() == ErrorCode.THROTTLED) return;
            }
        }
        throw new AssertionError(name + " was never locked out");
    }

    @Test
    @DisplayName("W5 the admin pages refuse a user without the admin role's permission")
    void adminNeedsPermission() throws Exception {
        world.activeUser("tess", PASSWORD);
        String token = world.kit.sessions().login("tess", PASSWORD, ClientContext.NONE).token();
        HttpResponse<String> r = new LoopbackHttp(world.baseUrl).get("/pages/admin", "Cookie", "userkit_session=" + token);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).doesNotContain("root@example.com");
    }

    private static int apiStatus(String token) throws Exception {
        return new LoopbackHttp(world.baseUrl).get("/api/orders", "Cookie", "userkit_session=" + token).statusCode();
    }
}
