package dev.userkit.spring.boot;

import dev.userkit.UserKit;
import dev.userkit.hooks.Instrumentation;
import dev.userkit.micrometer.UserKitMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * UserKit's Micrometer metrics ({@code userkit-micrometer}) when it and a {@link MeterRegistry} bean
 * are present (Actuator makes one): the kit is built with {@link UserKitMetrics} as its
 * instrumentation and its gauges are bound once the kit exists, so {@code /actuator/metrics/userkit.logins}
 * answers. An application's own {@link Instrumentation} bean wins.
 */
@AutoConfiguration(before = UserKitAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(name = {"dev.userkit.micrometer.UserKitMetrics", "io.micrometer.core.instrument.MeterRegistry"})
@ConditionalOnBean(MeterRegistry.class)
public class UserKitMetricsAutoConfiguration {
    /** Made by Spring. */
    public UserKitMetricsAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean(Instrumentation.class)
    UserKitMetrics userKitMetrics(MeterRegistry registry) {
        return new UserKitMetrics(registry);
    }

    /** The gauges read the kit, so they are bound after every singleton, the kit included, exists. */
    @Bean
    @ConditionalOnBean(UserKitMetrics.class)
    SmartInitializingSingleton userKitGauges(UserKitMetrics metrics, ObjectProvider<UserKit> kit) {
        return () -> kit.ifUnique(metrics::bindGauges);
    }
}
