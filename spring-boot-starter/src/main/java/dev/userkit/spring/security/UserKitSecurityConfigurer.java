package dev.userkit.spring.security;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Lets an application keep Spring Security's filter chain and let UserKit own users, sessions and
 * permissions: it adds {@link UserKitAuthenticationProvider} (so form, basic or any username/password
 * login goes through UserKit's login) and {@link UserKitTokenFilter} (so a UserKit session or access
 * token authenticates a request), taking both from the application context the starter fills.
 *
 * <pre>{@code
 * http.with(UserKitSecurityConfigurer.userKit(), Customizer.withDefaults())
 *     .formLogin(f -> f.loginProcessingUrl("/login").successHandler(responses).failureHandler(responses))
 *     .authorizeHttpRequests(a -> a.requestMatchers("/api/**").access(userKitAuthorizationManager));
 * }</pre>
 */
public final class UserKitSecurityConfigurer extends AbstractHttpConfigurer<UserKitSecurityConfigurer, HttpSecurity> {
    private UserKitSecurityConfigurer() {}

    /**
     * The configurer, for {@code http.with(...)}.
     *
     * @return a new configurer
     */
    public static UserKitSecurityConfigurer userKit() {
        return new UserKitSecurityConfigurer();
    }

    @Override
    public void init(HttpSecurity http) {
        http.authenticationProvider(context(http).getBean(UserKitAuthenticationProvider.class));
    }

    @Override
    public void configure(HttpSecurity http) {
        SecurityContextHolderStrategy contexts = context(http).getBeanProvider(SecurityContextHolderStrategy.class)
                .getIfUnique(SecurityContextHolder::getContextHolderStrategy);
        UserKitTokenFilter filter = new UserKitTokenFilter(context(http).getBean(UserKitTokenConverter.class), contexts);
        // right after the context is loaded, so that every later filter and the authorisation see the token's user
        http.addFilterAfter(filter, SecurityContextHolderFilter.class);
    }

    private static ApplicationContext context(HttpSecurity http) {
        return http.getSharedObject(ApplicationContext.class);
    }
}
