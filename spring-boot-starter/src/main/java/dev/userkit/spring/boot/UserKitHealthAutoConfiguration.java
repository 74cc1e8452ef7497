package dev.userkit.spring.boot;

import dev.userkit.UserKit;
import java.util.Locale;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** The {@code userKit} health component when Actuator's health support is on the class path. */
@AutoConfiguration(after = UserKitAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(UserKit.class)
public class UserKitHealthAutoConfiguration {
    /** Made by Spring. */
    public UserKitHealthAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean(name = "userKitHealthIndicator")
    HealthIndicator userKitHealthIndicator(UserKit kit, UserKitProperties properties) {
        return new UserKitHealthIndicator(kit, properties.store().schemaMode().name().toLowerCase(Locale.ROOT));
    }
}
