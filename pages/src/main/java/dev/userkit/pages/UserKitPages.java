package dev.userkit.pages;

import dev.userkit.UserKit;
import dev.userkit.domain.CodePurpose;
import dev.userkit.hooks.LinkBuilder;
import dev.userkit.http.HttpSettings;
import dev.userkit.http.SessionCookies;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The pages a person uses (W5), beside the HTTP edge of the same kit: sign up, verify, log in, log
 * out, forgot password, reset password, forgot username, confirm an email change, my account, and
 * the admin pages; plus the local inbox page when {@link PagesSettings#inbox()} is set. Mount the
 * HTTP edge first ({@code UserKitHttp.create(kit, http).mount(ctx)}), with
 * {@link PagesSettings#publicPaths()} among {@link HttpSettings#publicPaths()}, then these:
 * <pre>{@code
 * PagesSettings pages = PagesSettings.defaults().withInbox(inbox);
 * HttpSettings http = HttpSettings.builder().publicPaths(pages.publicPaths().toArray(String[]::new)).build();
 * UserKitHttp.create(kit, http).mount(ctx);
 * UserKitPages.create(kit, http, pages).mount(ctx);
 * }</pre>
 * The pages call the kit's services only; their forms carry the edge's CSRF token.
 */
public final class UserKitPages {
    private static final Pattern BASE_URL = Pattern.compile("https?://[A-Za-z0-9.\\[\\]:-]+(/[A-Za-z0-9._~/-]*)?");
    private final UserKit kit;
    private final HttpSettings http;
    private final PagesSettings settings;

    private UserKitPages(UserKit kit, HttpSettings http, PagesSettings settings) {
        this.kit = Objects.requireNonNull(kit, "kit");
        this.http = Objects.requireNonNull(http, "http");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The pages of a kit.
     *
     * @param kit the services the pages call
     * @param http the settings the kit's HTTP edge is mounted with (cookie names and path)
     * @param settings where the pages live
     * @return the pages, not yet mounted
     */
    public static UserKitPages create(UserKit kit, HttpSettings http, PagesSettings settings) {
        return new UserKitPages(kit, http, settings);
    }

    /**
     * Registers the pages' servlet at {@code path + "/*"} and, with an inbox, the inbox's at
     * {@value PagesSettings#INBOX_PATH}{@code /*}.
     *
     * @param context the application's servlet context, during start-up
     * @throws IllegalStateException when the container no longer accepts registrations or a name is taken
     */
    public void mount(ServletContext context) {
        PageView view = new PageView();
        servlet(context, "userkit-pages", new PagesServlet(pages(view), view, settings.path()), settings.path());
        if (settings.inbox() != null) {
            servlet(context, "userkit-inbox", new InboxServlet(settings.inbox(), view, settings.path()), PagesSettings.INBOX_PATH);
        }
    }

    /**
     * Mail links into the pages at their default path: verification to {@code /pages/verify}, reset
     * to {@code /pages/reset-password}, email change to {@code /pages/email-change}, each with
     * {@code ?code=}; other purposes show the bare code.
     *
     * @param baseUrl where browsers reach the application, such as {@code http://127.0.0.1:8080}
     * @return the link builder, for {@code UserKit.builder().links(...)}
     */
    public static LinkBuilder links(String baseUrl) {
        return links(baseUrl, PagesSettings.DEFAULT_PATH);
    }

    /**
     * Mail links into the pages mounted under another path.
     *
     * @param baseUrl where browsers reach the application
     * @param pagesPath the pages' {@link PagesSettings#path()}
     * @return the link builder
     */
    public static LinkBuilder links(String baseUrl, String pagesPath) {
        if (baseUrl == null || !BASE_URL.matcher(baseUrl).matches()) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL without query: " + baseUrl);
        }
        String root = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl)
                + new PagesSettings(pagesPath, null, 1).path();
        return (purpose, code) -> {
            String page = page(purpose);
            return page == null ? code : root + page + "?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
        };
    }

    private static String page(CodePurpose purpose) {
        return switch (purpose) {
            case EMAIL_VERIFY -> "/verify";
            case PASSWORD_RESET -> "/reset-password";
            case EMAIL_CHANGE -> "/email-change";
            case PHONE_RESET, USERNAME_REMINDER -> null;
        };
    }

    private Map<String, Page> pages(PageView view) {
        PageSupport support = new PageSupport(view);
        SessionCookies cookies = new SessionCookies(http);
        SessionToken token = new SessionToken(http.sessionCookie());
        Map<String, Page> pages = new HashMap<>();
        pages.put("/signup", new SignupPage(kit, support));
        pages.put("/verify", MailPages.verify(kit, support));
        pages.put("/forgot-password", MailPages.forgotPassword(kit, support));
        pages.put("/forgot-username", MailPages.forgotUsername(kit, support));
        pages.put("/reset-password", MailPages.resetPassword(kit, support));
        pages.put("/email-change", MailPages.emailChange(kit, support));
        AccountPage account = new AccountPage(kit, support, settings.pageSize());
        pages.put("/account", account);
        pages.put("/account/password", AccountActions.changePassword(kit, account));
        pages.put("/account/email", AccountActions.changeEmail(kit, account));
        pages.put("/account/sign-out-others", AccountActions.signOutOthers(kit, account, token));
        pages.put("/account/revoke-session", AccountActions.revokeSession(kit, account));
        pages.put("/account/export", AccountActions.export(kit));
        pages.put("/admin", new AdminUsersPage(kit, support, settings.pageSize()));
        pages.put("/admin/roles", new AdminRolesPage(kit, support));
        pages.put("/admin/devices", new AdminDevicesPage(kit, support));
        pages.put("/login", new LoginPage(kit, support, cookies));
        pages.put("/logout", new LogoutPage(kit, cookies, token));
        return pages;
    }

    private static void servlet(ServletContext context, String name, jakarta.servlet.Servlet servlet, String path) {
        ServletRegistration.Dynamic r = context.addServlet(name, servlet);
        if (r == null) throw new IllegalStateException("A servlet named " + name + " is registered already");
        r.addMapping(path + "/*");
    }
}
