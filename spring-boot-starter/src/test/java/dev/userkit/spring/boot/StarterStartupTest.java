package dev.userkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.UserKit;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.sessions.Sessions;
import dev.userkit.spring.security.UserKitAuthenticationProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Start-up without a web server: back-off, and bad properties named in the failure. */
@ExtendWith(OutputCaptureExtension.class)
class StarterStartupTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(UserKitAutoConfiguration.class, UserKitSecurityAutoConfiguration.class))
            .withPropertyValues("userkit.store.type=memory", "userkit.background.outbox=false", "userkit.background.maintenance=false");

    @Test
    @DisplayName("W6 an application's own UserKit bean wins: the starter makes none, and the services and Spring Security adapters are its kit's")
    void applicationKitWins() {
        runner.withUserConfiguration(OwnKit.class).run(context -> {
            assertThat(context).hasSingleBean(UserKit.class);
            UserKit own = context.getBean(UserKit.class);
            assertThat(own).isSameAs(OwnKit.KIT);
            assertThat(context.getBean(Sessions.class)).isSameAs(own.sessions());
            assertThat(context).hasSingleBean(UserKitAuthenticationProvider.class);
        });
    }

    @Test
    @DisplayName("W6 an application's own Sessions bean wins over the kit's")
    void applicationSessionsWins() {
        runner.withUserConfiguration(OwnSessions.class).run(context -> {
            assertThat(context).hasSingleBean(Sessions.class);
            assertThat(context.getBean(Sessions.class)).isSameAs(OwnSessions.KIT.sessions());
            assertThat(context.getBean(UserKit.class)).isNotSameAs(OwnSessions.KIT);
        });
    }

    @Test
    @DisplayName("W6 a malformed userkit.session.idle-ttl stops start-up with a message that names the property and its value")
    void badDurationNamesTheProperty() {
        runner.withPropertyValues("userkit.session.idle-ttl=soon").run(context -> {
            Throwable failure = context.getStartupFailure();
            assertThat(failure).isNotNull();
            UserKitPropertyException e = findCause(failure);
            assertThat(e.property()).isEqualTo("userkit.session.idle-ttl");
            assertThat(e.getMessage()).startsWith("userkit.session.idle-ttl=soon").doesNotContain("USERKIT_");
        });
    }

    @Test
    @DisplayName("W6 a key ring that is not one never shows its value, only the property's name")
    void badKeyRingNamesThePropertyNotTheSecret() {
        runner.withPropertyValues("userkit.keys=1:not-base64-secret!").run(context -> {
            UserKitPropertyException e = findCause(context.getStartupFailure());
            assertThat(e.property()).isEqualTo("userkit.keys");
            assertThat(e.getMessage()).contains("userkit.keys").doesNotContain("not-base64-secret");
        });
    }

    @Test
    @DisplayName("W6 without userkit.store.type and without a DataSource or MongoClient bean, start-up says to set userkit.store.type")
    void missingStoreNamesTheProperty() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(UserKitAutoConfiguration.class)).run(context ->
                assertThat(findCause(context.getStartupFailure()).property()).isEqualTo("userkit.store.type"));
    }

    @Test
    @DisplayName("W6 a real start-up with a bad property prints Boot's failure report naming it (the FailureAnalyzer is registered)")
    void failureReportNamesTheProperty(CapturedOutput output) {
        SpringApplication app = new SpringApplication(Empty.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> app.run("--userkit.store.type=memory", "--userkit.session.idle-ttl=soon", "--spring.main.banner-mode=off"))
                .hasRootCauseInstanceOf(dev.userkit.config.ConfigException.class);
        assertThat(output.toString()).contains("APPLICATION FAILED TO START").contains("UserKit could not start: userkit.session.idle-ttl=soon")
                .contains("Correct the property userkit.session.idle-ttl");
    }

    private static UserKitPropertyException findCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UserKitPropertyException e) return e;
        }
        throw new AssertionError("no UserKitPropertyException in " + failure, failure);
    }

    /** An application with a kit of its own. */
    @Configuration(proxyBeanMethods = false)
    static class OwnKit {
        static final UserKit KIT = UserKit.builder().stores(InMemoryStores.create()).build();

        @Bean
        UserKit ownKit() {
            return KIT;
        }
    }

    /** An application with a sessions service of its own. */
    @Configuration(proxyBeanMethods = false)
    static class OwnSessions {
        static final UserKit KIT = UserKit.builder().stores(InMemoryStores.create()).build();

        @Bean
        Sessions ownSessions() {
            return KIT.sessions();
        }
    }

    /** Nothing but the auto-configuration. */
    @Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.EnableAutoConfiguration
    static class Empty {}
}
