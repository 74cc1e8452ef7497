package dev.userkit.http;

import dev.userkit.UserKit;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * The HTTP edge of one {@link UserKit} (W1, W3, SEC-30), for any Jakarta Servlet 6 container.
 * {@link #mount(ServletContext)} registers, on every path and in this order, the
 * {@link AuthenticationFilter}, the {@link CorsFilter}, the {@link CsrfFilter} and the
 * {@link AuthorizationFilter} (deny by default: only {@link HttpSettings#publicPaths()}, the API's
 * {@link HttpSettings#publicRoutes()} and the login routes pass without a permission), umpack's
 * REST API ({@link UmpackApi}) under {@link HttpSettings#basePath()} and jxMono's
 * {@link LoginRoutes} under {@link HttpSettings#loginPath()}, and the API's OpenAPI 3.1 description
 * ({@link OpenApiServlet}) at {@value OpenApiServlet#PATH}. Call it from a {@code ServletContainerInitializer} or a
 * {@code ServletContextListener}, where a container accepts new filters.
 */
public final class UserKitHttp {
    private final UserKit kit;
    private final HttpSettings settings;

    private UserKitHttp(UserKit kit, HttpSettings settings) {
        this.kit = Objects.requireNonNull(kit, "kit");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The edge of a kit with these settings.
     *
     * @param kit the services to call
     * @param settings how requests are read and answered
     * @return the edge, not yet mounted
     */
    public static UserKitHttp create(UserKit kit, HttpSettings settings) {
        return new UserKitHttp(kit, settings);
    }

    /**
     * Registers the four filters on {@code /*}, the API under the base path, the login routes under the login
     * path and the API's description at {@value OpenApiServlet#PATH}.
     *
     * @param context the application's servlet context, during start-up
     * @throws IllegalStateException when the container no longer accepts registrations or a name is taken
     */
    public void mount(ServletContext context) {
        filter(context, "userkit-authentication", authenticationFilter());
        filter(context, "userkit-cors", corsFilter());
        filter(context, "userkit-csrf", csrfFilter());
        filter(context, "userkit-authorization", authorizationFilter());
        // one table for the API and its description, so that the description lists exactly what the API answers
        RouteTable routes = UmpackRoutes.table(kit, settings);
        servlet(context, "userkit-api", new UmpackApi(routes, settings), settings.basePath() + "/*");
        servlet(context, "userkit-login", loginRoutes(), settings.loginPath() + "/*");
        servlet(context, "userkit-openapi", new OpenApiServlet(routes, settings), OpenApiServlet.PATH);
    }

    /**
     * The authentication filter, for an application that maps the filters itself (it goes first).
     *
     * @return a new filter
     */
    public AuthenticationFilter authenticationFilter() {
        return new AuthenticationFilter(kit.sessions(), settings);
    }

    /**
     * The CORS filter (after authentication).
     *
     * @return a new filter
     */
    public CorsFilter corsFilter() {
        return new CorsFilter(settings);
    }

    /**
     * The CSRF filter (after CORS).
     *
     * @return a new filter
     */
    public CsrfFilter csrfFilter() {
        return new CsrfFilter(settings);
    }

    /**
     * The authorisation filter (last), letting the public paths, the login routes and the API's description through.
     *
     * @return a new filter
     */
    public AuthorizationFilter authorizationFilter() {
        List<String> open = new ArrayList<>(settings.publicPaths());
        for (String route : List.of("/login", "/logout", "/userInfo", "/forgot", "/reset")) open.add(settings.loginPath() + route);
        open.add(OpenApiServlet.PATH);
        return new AuthorizationFilter(kit, open, new PublicRoutes(settings.basePath(), settings.publicRoutes()));
    }

    /**
     * umpack's REST API, to map at {@code basePath + "/*"}.
     *
     * @return a new servlet
     */
    public UmpackApi api() {
        return new UmpackApi(UmpackRoutes.table(kit, settings), settings);
    }

    /**
     * The OpenAPI 3.1 description of the API, to map at {@value OpenApiServlet#PATH} (a public path).
     *
     * @return a new servlet
     */
    public OpenApiServlet openApi() {
        return new OpenApiServlet(UmpackRoutes.table(kit, settings), settings);
    }

    /**
     * The login routes, to map at {@code loginPath + "/*"}.
     *
     * @return a new servlet
     */
    public LoginRoutes loginRoutes() {
        return new LoginRoutes(kit.sessions(), kit.recovery(), settings);
    }

    private static void servlet(ServletContext context, String name, jakarta.servlet.Servlet servlet, String mapping) {
        ServletRegistration.Dynamic r = context.addServlet(name, servlet);
        if (r == null) throw new IllegalStateException("A servlet named " + name + " is registered already");
        r.addMapping(mapping);
    }

    private static void filter(ServletContext context, String name, Filter filter) {
        FilterRegistration.Dynamic r = context.addFilter(name, filter);
        if (r == null) throw new IllegalStateException("A filter named " + name + " is registered already");
        r.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }
}
