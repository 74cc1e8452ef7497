package dev.userkit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.multibindings.OptionalBinder;
import dev.userkit.ClientContext;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.UserKitModule;
import dev.userkit.accounts.NewUser;
import dev.userkit.hooks.Instrumentation;
import dev.userkit.memory.InMemoryStoreModule;
import dev.userkit.testkit.TestKeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link UserKitMetrics} installed through {@link UserKitModule}'s optional binding of {@link Instrumentation}. */
class GuiceMetricsTest {
    @Test
    @DisplayName("W6 bound with OptionalBinder in a Guice module, the metrics count the injected kit's registrations and logins")
    void guiceBinding() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        UserKitMetrics metrics = new UserKitMetrics(registry);
        UserKit kit = Guice.createInjector(
                new UserKitModule(UserKitConfig.builder().keyRing(TestKeys.RING).activateOnSignup(true).build()),
                new InMemoryStoreModule(),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        OptionalBinder.newOptionalBinder(binder(), Instrumentation.class).setBinding().toInstance(metrics);
                    }
                }).getInstance(UserKit.class);
        metrics.bindGauges(kit);
        kit.accounts().register(NewUser.builder("gus", "gus@example.org").password(MetricsWorld.PASSWORD).build(), ClientContext.NONE);
        kit.sessions().login("gus", MetricsWorld.PASSWORD, ClientContext.NONE);
        assertThat(registry.get("userkit.registrations").counter().count()).isEqualTo(1);
        assertThat(registry.get("userkit.logins").tag("outcome", "success").counter().count()).isEqualTo(1);
        assertThat(registry.get("userkit.hashes.active").gauge().value()).isZero();
    }
}
