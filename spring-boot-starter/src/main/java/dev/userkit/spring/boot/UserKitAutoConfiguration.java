package dev.userkit.spring.boot;

import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.access.AccessControl;
import dev.userkit.accounts.Accounts;
import dev.userkit.accounts.Bootstrap;
import dev.userkit.hooks.Instrumentation;
import dev.userkit.hooks.LinkBuilder;
import dev.userkit.hooks.LoginCheck;
import dev.userkit.hooks.UserKitListener;
import dev.userkit.mail.smtp.SmtpMailModule;
import dev.userkit.mail.smtp.SmtpSettings;
import dev.userkit.recovery.Recovery;
import dev.userkit.sessions.Devices;
import dev.userkit.sessions.Sessions;
import dev.userkit.spi.Mailer;
import dev.userkit.spi.SmsSender;
import dev.userkit.spi.Stores;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * UserKit from {@code userkit.*} properties: the {@link UserKitConfig} (core's own reader over the
 * properties, see {@link UserKitProperties}), the store, the kit (closed with the context) and each
 * service, every bean backing off where the application defines its own; SMTP when
 * {@code userkit.smtp.host} is set and {@code userkit-mail-smtp} is present; the outbox and the
 * scheduled maintenance running while the context runs. An {@code Instrumentation} bean (the
 * Micrometer metrics of {@link UserKitMetricsAutoConfiguration}) reports the kit's outcomes.
 */
@AutoConfiguration
@EnableConfigurationProperties(UserKitProperties.class)
public class UserKitAutoConfiguration {
    /** Made by Spring. */
    public UserKitAutoConfiguration() {}

    @Bean
    EnvironmentSettings userKitEnvironmentSettings(ConfigurableEnvironment environment) {
        return EnvironmentSettings.of(environment);
    }

    /**
     * The configuration: every {@code userkit.*} setting of core, read and checked by core.
     *
     * @param env the properties as settings
     * @return the configuration
     * @throws UserKitPropertyException naming the property that is malformed
     */
    @Bean
    @ConditionalOnMissingBean
    UserKitConfig userKitConfig(EnvironmentSettings env) {
        return env.read(() -> UserKitConfig.builder(env.settings()).build());
    }

    @Bean
    @ConditionalOnMissingBean(value = {Stores.class, UserKit.class})
    Stores userKitStores(UserKitProperties properties, EnvironmentSettings env, ListableBeanFactory beans) {
        return StoreOpening.open(properties.store(), env, beans);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    UserKit userKit(Stores stores, UserKitConfig config, ObjectProvider<Mailer> mailer, ObjectProvider<SmsSender> sms,
                    ObjectProvider<UserKitListener> listeners, ObjectProvider<LoginCheck> loginChecks, ObjectProvider<LinkBuilder> links,
                    ObjectProvider<Instrumentation> instrumentation) {
        UserKit.Builder b = UserKit.builder().stores(stores).config(config);
        mailer.ifUnique(b::mailer);
        sms.ifUnique(b::sms);
        listeners.orderedStream().forEach(b::listener);
        loginChecks.orderedStream().forEach(b::loginCheck);
        links.ifUnique(b::links);
        instrumentation.ifUnique(b::instrumentation);
        return b.build();
    }

    @Bean
    UserKitBackgroundWork userKitBackgroundWork(UserKit kit, UserKitProperties properties) {
        return new UserKitBackgroundWork(kit, properties.background());
    }

    @Bean
    @ConditionalOnMissingBean
    Accounts userKitAccounts(UserKit kit) { return kit.accounts(); }

    @Bean
    @ConditionalOnMissingBean
    Sessions userKitSessions(UserKit kit) { return kit.sessions(); }

    @Bean
    @ConditionalOnMissingBean
    Recovery userKitRecovery(UserKit kit) { return kit.recovery(); }

    @Bean
    @ConditionalOnMissingBean
    AccessControl userKitAccessControl(UserKit kit) { return kit.access(); }

    @Bean
    @ConditionalOnMissingBean
    Devices userKitDevices(UserKit kit) { return kit.devices(); }

    @Bean
    @ConditionalOnMissingBean
    Bootstrap userKitBootstrap(UserKit kit) { return kit.bootstrap(); }

    /** The SMTP mailer ({@code USERKIT_SMTP_*} as {@code userkit.smtp.*}), closed with the context. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dev.userkit.mail.smtp.SmtpMailModule")
    @ConditionalOnProperty("userkit.smtp.host")
    static class Smtp {
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(Mailer.class)
        Mailer userKitSmtpMailer(EnvironmentSettings env) {
            return env.read(() -> SmtpMailModule.mailer(SmtpSettings.builder(env.settings()).build()));
        }
    }
}
