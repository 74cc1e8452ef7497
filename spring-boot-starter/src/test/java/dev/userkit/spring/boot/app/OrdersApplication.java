package dev.userkit.spring.boot.app;

import dev.userkit.spring.security.UserKitAuthorizationManager;
import dev.userkit.spring.security.UserKitLoginResponses;
import dev.userkit.spring.security.UserKitSecurityConfigurer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The README's Spring Boot quick start, as a real application; the code between the markers is in README.md word for word. */
@SpringBootApplication
@RestController
public class OrdersApplication {
    // readme:start
    @Bean
    SecurityFilterChain security(HttpSecurity http, UserKitAuthorizationManager r4, UserKitLoginResponses responses) throws Exception {
        return http.with(UserKitSecurityConfigurer.userKit(), Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())   // clients send the token as a bearer header: no cookie to forge
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .formLogin(login -> login.loginProcessingUrl("/login").successHandler(responses).failureHandler(responses))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .authorizeHttpRequests(a -> a.requestMatchers("/api/**").access(r4).anyRequest().permitAll())
                .build();
    }

    @GetMapping("/api/orders")
    String orders(Authentication user) {
        return "orders of " + user.getName();
    }
    // readme:end
}
