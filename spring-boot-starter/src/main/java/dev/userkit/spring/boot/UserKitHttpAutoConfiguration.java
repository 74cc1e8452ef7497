package dev.userkit.spring.boot;

import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.http.AuthenticationFilter;
import dev.userkit.http.AuthorizationFilter;
import dev.userkit.http.CorsFilter;
import dev.userkit.http.CsrfFilter;
import dev.userkit.http.HttpSettings;
import dev.userkit.http.LoginRoutes;
import dev.userkit.http.OpenApiServlet;
import dev.userkit.http.UmpackApi;
import dev.userkit.http.UserKitHttp;
import jakarta.servlet.Filter;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The HTTP edge ({@code userkit-http}) in a Servlet web application, as {@link UserKitHttp#mount}
 * lays it out, through Boot's registration beans: the authentication, CORS, CSRF and authorisation
 * filters, in that order and all before Spring Security's filter chain (order -100), so that its
 * filters find the request's UserKit session; umpack's API under {@code userkit.http.base-path}, the
 * login routes under {@code userkit.http.login-path} and the API's description. With
 * {@code userkit.http.filter-scope=own-routes} the CSRF and authorisation filters guard only those
 * routes and leave the application's paths to Spring Security. Off with {@code userkit.http.enabled=false}.
 */
@AutoConfiguration(after = UserKitAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(FilterRegistrationBean.class)
@ConditionalOnBean(UserKit.class)
@ConditionalOnProperty(name = "userkit.http.enabled", matchIfMissing = true)
public class UserKitHttpAutoConfiguration {
    /** Before Spring Security's {@code DelegatingFilterProxy}, which Boot registers at order -100. */
    public static final int AUTHENTICATION_FILTER_ORDER = -110;

    /** Made by Spring. */
    public UserKitHttpAutoConfiguration() {}

    /**
     * The edge's settings from {@code userkit.http.*}.
     *
     * @param properties the bound properties
     * @param config the kit's configuration, whose key ring keys HS256 access tokens
     * @return the settings
     */
    @Bean
    @ConditionalOnMissingBean
    HttpSettings userKitHttpSettings(UserKitProperties properties, UserKitConfig config) {
        return HttpSettingsReader.read(properties.http(), config.keyRing());
    }

    @Bean
    @ConditionalOnMissingBean
    UserKitHttp userKitHttp(UserKit kit, HttpSettings settings) {
        return UserKitHttp.create(kit, settings);
    }

    @Bean
    FilterRegistrationBean<AuthenticationFilter> userKitAuthenticationFilter(UserKitHttp http) {
        return filter(http.authenticationFilter(), 0, List.of("/*"));
    }

    @Bean
    FilterRegistrationBean<CorsFilter> userKitCorsFilter(UserKitHttp http) {
        return filter(http.corsFilter(), 1, List.of("/*"));
    }

    @Bean
    FilterRegistrationBean<CsrfFilter> userKitCsrfFilter(UserKitHttp http, HttpSettings settings, UserKitProperties properties) {
        return filter(http.csrfFilter(), 2, guarded(settings, properties));
    }

    @Bean
    FilterRegistrationBean<AuthorizationFilter> userKitAuthorizationFilter(UserKitHttp http, HttpSettings settings, UserKitProperties properties) {
        return filter(http.authorizationFilter(), 3, guarded(settings, properties));
    }

    @Bean
    ServletRegistrationBean<UmpackApi> userKitApi(UserKitHttp http, HttpSettings settings) {
        return servlet(http.api(), "userkit-api", settings.basePath() + "/*");
    }

    @Bean
    ServletRegistrationBean<LoginRoutes> userKitLoginRoutes(UserKitHttp http, HttpSettings settings) {
        return servlet(http.loginRoutes(), "userkit-login", settings.loginPath() + "/*");
    }

    @Bean
    ServletRegistrationBean<OpenApiServlet> userKitOpenApi(UserKitHttp http) {
        return servlet(http.openApi(), "userkit-openapi", OpenApiServlet.PATH);
    }

    private static List<String> guarded(HttpSettings settings, UserKitProperties properties) {
        return properties.http().filterScope() == FilterScope.ALL ? List.of("/*")
                : List.of(settings.basePath() + "/*", settings.loginPath() + "/*", OpenApiServlet.PATH);
    }

    private static <F extends Filter> FilterRegistrationBean<F> filter(F filter, int position, List<String> patterns) {
        FilterRegistrationBean<F> r = new FilterRegistrationBean<>(filter);
        r.setName("userkit-" + filter.getClass().getSimpleName());
        r.setOrder(AUTHENTICATION_FILTER_ORDER + position);
        r.setUrlPatterns(patterns);
        return r;
    }

    private static <S extends jakarta.servlet.Servlet> ServletRegistrationBean<S> servlet(S servlet, String name, String mapping) {
        ServletRegistrationBean<S> r = new ServletRegistrationBean<>(servlet, mapping);
        r.setName(name);
        return r;
    }
}
