package dev.userkit.micrometer;

import dev.userkit.ClientContext;
import dev.userkit.PasswordHashing;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.accounts.NewUser;
import dev.userkit.spi.MessageKind;
import dev.userkit.spi.Stores;
import dev.userkit.testkit.RecordingMailer;
import dev.userkit.testkit.RecordingSmsSender;
import dev.userkit.testkit.TestKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * One kit over the given stores with {@link UserKitMetrics} on a {@link SimpleMeterRegistry}, a
 * recording mailer and SMS sender, and readers of the meters by name and tags.
 */
final class MetricsWorld {
    static final String PASSWORD = "amber lantern over quiet harbour";
    static final String PHONE = "+4915112345678";
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final UserKitMetrics metrics = new UserKitMetrics(registry);
    final RecordingMailer mailer = new RecordingMailer();
    final RecordingSmsSender sms = new RecordingSmsSender();
    final UserKit kit;

    MetricsWorld(Stores stores) {
        UserKitConfig config = UserKitConfig.builder().keyRing(TestKeys.RING)
                .passwordHashing(PasswordHashing.insecureForTestsOnly()).build();
        kit = UserKit.builder().stores(stores).config(config).mailer(mailer).sms(sms).instrumentation(metrics).build();
        metrics.bindGauges(kit);
    }

    /** Registers {@code name} (name@example.org, {@link #PHONE}) and verifies the mailbox with the mailed code. */
    void activeUser(String name) {
        kit.accounts().register(NewUser.builder(name, name + "@example.org").password(PASSWORD).phone(PHONE).build(),
                ClientContext.NONE);
        kit.outbox().deliverPending();
        kit.accounts().verifyEmail(mailer.latestCode(name + "@example.org", MessageKind.VERIFY_EMAIL).orElseThrow());
    }

    double count(String name, String... tags) {
        Counter c = registry.find(name).tags(tags).counter();
        if (c == null) throw new AssertionError("no counter " + name + " " + String.join(",", tags));
        return c.count();
    }

    long timed(String name, String... tags) {
        Timer t = registry.find(name).tags(tags).timer();
        if (t == null) throw new AssertionError("no timer " + name + " " + String.join(",", tags));
        return t.count();
    }

    double gauge(String name) {
        Gauge g = registry.find(name).gauge();
        if (g == null) throw new AssertionError("no gauge " + name);
        return g.value();
    }
}
