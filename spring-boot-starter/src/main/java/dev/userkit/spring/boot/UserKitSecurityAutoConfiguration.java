package dev.userkit.spring.boot;

import dev.userkit.UserKit;
import dev.userkit.access.AccessControl;
import dev.userkit.sessions.Sessions;
import dev.userkit.spring.security.UserKitAuthenticationProvider;
import dev.userkit.spring.security.UserKitAuthorizationManager;
import dev.userkit.spring.security.UserKitLoginResponses;
import dev.userkit.spring.security.UserKitTokenConverter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The Spring Security adapters ({@code dev.userkit.spring.security}) as beans when Spring Security's
 * web support is on the class path; an application wires them into its {@code SecurityFilterChain}
 * with {@link dev.userkit.spring.security.UserKitSecurityConfigurer}. The provider bean also makes Boot's
 * default in-memory user (and its printed password) back off.
 */
@AutoConfiguration(after = UserKitAutoConfiguration.class,
        beforeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.security.web.SecurityFilterChain")
@ConditionalOnBean(UserKit.class)
public class UserKitSecurityAutoConfiguration {
    /** Made by Spring. */
    public UserKitSecurityAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean
    UserKitAuthenticationProvider userKitAuthenticationProvider(Sessions sessions) {
        return new UserKitAuthenticationProvider(sessions);
    }

    @Bean
    @ConditionalOnMissingBean
    UserKitTokenConverter userKitTokenConverter(AccessControl access) {
        return new UserKitTokenConverter(access);
    }

    @Bean
    @ConditionalOnMissingBean
    UserKitAuthorizationManager userKitAuthorizationManager(AccessControl access) {
        return new UserKitAuthorizationManager(access);
    }

    @Bean
    @ConditionalOnMissingBean
    UserKitLoginResponses userKitLoginResponses() {
        return new UserKitLoginResponses();
    }
}
