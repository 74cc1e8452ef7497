package dev.userkit.micrometer;

import static dev.userkit.micrometer.MetricsWorld.PASSWORD;
import static dev.userkit.micrometer.MetricsWorld.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.ClientContext;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Verb;
import dev.userkit.hooks.LoginOutcome;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.spi.MessageKind;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The meters of {@link UserKitMetrics}, read off a SimpleMeterRegistry while the real services run over the in-memory store. */
class UserKitMetricsTest {
    private static final ClientContext CLIENT = ClientContext.fromAddress("203.0.113.7");
    private final MetricsWorld world = new MetricsWorld(InMemoryStores.create());

    @Test
    @DisplayName("W6 every counter and timer is registered at construction, at zero, tagged only with the documented closed values")
    void registeredEagerly() {
        MetricsWorld fresh = new MetricsWorld(InMemoryStores.create());
        for (LoginOutcome o : LoginOutcome.values()) {
            assertThat(fresh.count("userkit.logins", "outcome", o.name().toLowerCase(Locale.ROOT))).isZero();
            assertThat(fresh.timed("userkit.login", "outcome", o.name().toLowerCase(Locale.ROOT))).isZero();
        }
        for (MessageKind k : MessageKind.values()) {
            for (String state : new String[] {"queued", "delivered", "dead"}) {
                assertThat(fresh.count("userkit.mails", "kind", k.name().toLowerCase(Locale.ROOT), "state", state)).isZero();
            }
        }
        assertThat(fresh.count("userkit.registrations")).isZero();
        assertThat(fresh.count("userkit.lockouts")).isZero();
        assertThat(fresh.count("userkit.resets.requested", "channel", "email")).isZero();
        assertThat(fresh.count("userkit.resets.completed", "channel", "sms")).isZero();
        assertThat(fresh.timed("userkit.validation", "result", "invalid")).isZero();
        assertThat(fresh.timed("userkit.authorization", "decision", "denied")).isZero();
        assertThat(fresh.gauge("userkit.hashes.active")).isZero();
        assertThat(fresh.gauge("userkit.outbox.backlog")).isZero();
        Set<String> tagKeys = fresh.registry.getMeters().stream().flatMap(m -> m.getId().getTags().stream())
                .map(Tag::getKey).collect(Collectors.toSet());
        assertThat(tagKeys).containsExactlyInAnyOrder("outcome", "channel", "kind", "state", "result", "decision");
        // counters and timers by outcome, channel, result and decision, mails by kind and state, two untagged counters, two gauges
        int meters = 2 * LoginOutcome.values().length + 2 * 2 + 3 * MessageKind.values().length + 2 * 2 + 2 * 2 + 2 + 2;
        assertThat(fresh.registry.getMeters()).hasSize(meters);
        assertThat(fresh.registry.getMeters()).extracting(m -> m.getId().getName())
                .allSatisfy(name -> assertThat(name).startsWith("userkit."));
    }

    @Test
    @DisplayName("W6 logins are counted and timed by outcome: success, wrong credentials, throttled, and the lockout once")
    void logins() {
        world.activeUser("alice");
        world.kit.sessions().login("alice", PASSWORD, CLIENT);
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> world.kit.sessions().login("alice", "not the password at all", CLIENT));
        }
        assertThatThrownBy(() -> world.kit.sessions().login("alice", PASSWORD, CLIENT));
        assertThat(world.count("userkit.logins", "outcome", "success")).isEqualTo(1);
        assertThat(world.count("userkit.logins", "outcome", "wrong_credentials")).isEqualTo(10);
        assertThat(world.count("userkit.logins", "outcome", "throttled")).isEqualTo(1);
        assertThat(world.count("userkit.logins", "outcome", "pending")).isZero();
        assertThat(world.timed("userkit.login", "outcome", "success")).isEqualTo(1);
        assertThat(world.timed("userkit.login", "outcome", "wrong_credentials")).isEqualTo(10);
        assertThat(world.count("userkit.lockouts")).isEqualTo(1);
    }

    @Test
    @DisplayName("W6 a registration is counted; its mail counts as queued, the backlog gauge goes up, then delivered and back to zero after deliverPending")
    void registrationsMailsAndBacklog() {
        world.kit.accounts().register(dev.userkit.accounts.NewUser.builder("bea", "bea@example.org").password(PASSWORD).build(),
                ClientContext.NONE);
        assertThat(world.count("userkit.registrations")).isEqualTo(1);
        assertThat(world.count("userkit.mails", "kind", "verify_email", "state", "queued")).isEqualTo(1);
        assertThat(world.gauge("userkit.outbox.backlog")).isEqualTo(1);
        assertThat(world.count("userkit.mails", "kind", "verify_email", "state", "delivered")).isZero();

        assertThat(world.kit.outbox().deliverPending().delivered()).isEqualTo(1);
        assertThat(world.count("userkit.mails", "kind", "verify_email", "state", "delivered")).isEqualTo(1);
        assertThat(world.gauge("userkit.outbox.backlog")).isZero();
        assertThat(world.mailer.sent()).hasSize(1);
    }

    @Test
    @DisplayName("W6 validations and authorisations are counted and timed by result and decision")
    void validationsAndAuthorisations() {
        world.activeUser("carl");
        world.kit.access().createRole("reader", "");
        world.kit.access().addPermission("reader", new Permission("read", "/api/**", Set.of(Verb.GET)));
        world.kit.access().grant(world.kit.accounts().findByUsername("carl").orElseThrow().id(), "reader");
        String token = world.kit.sessions().login("carl", PASSWORD, CLIENT).token();
        world.kit.sessions().validate(token);
        assertThatThrownBy(() -> world.kit.sessions().validate("no-such-token"));
        world.kit.access().authorize(token, Verb.GET, "/api/orders");
        world.kit.access().authorize(token, Verb.DELETE, "/api/orders");
        world.kit.access().authorize(null, Verb.GET, "/api/orders");
        assertThat(world.count("userkit.validations", "result", "valid")).isEqualTo(1);
        assertThat(world.count("userkit.validations", "result", "invalid")).isEqualTo(1);
        assertThat(world.timed("userkit.validation", "result", "valid")).isEqualTo(1);
        assertThat(world.count("userkit.authorizations", "decision", "allowed")).isEqualTo(1);
        assertThat(world.count("userkit.authorizations", "decision", "denied")).isEqualTo(2);
        assertThat(world.timed("userkit.authorization", "decision", "denied")).isEqualTo(2);
    }

    @Test
    @DisplayName("W6 resets are counted by channel when requested and when completed, by mail and by SMS")
    void resets() {
        world.activeUser("dina");
        world.kit.recovery().requestPasswordReset("dina", ClientContext.NONE);
        world.kit.outbox().deliverPending();
        world.kit.recovery().resetPassword(world.mailer.latestCode("dina@example.org", MessageKind.PASSWORD_RESET).orElseThrow(),
                "seven quiet otters paddle home");
        world.kit.recovery().requestPasswordResetByPhone(PHONE, ClientContext.NONE);
        world.kit.outbox().deliverPending();
        world.kit.recovery().resetPasswordByPhone(PHONE, world.sms.latestCode(PHONE).orElseThrow(), "violet harbour lantern forgets");
        assertThat(world.count("userkit.resets.requested", "channel", "email")).isEqualTo(1);
        assertThat(world.count("userkit.resets.requested", "channel", "sms")).isEqualTo(1);
        assertThat(world.count("userkit.resets.completed", "channel", "email")).isEqualTo(1);
        assertThat(world.count("userkit.resets.completed", "channel", "sms")).isEqualTo(1);
        assertThat(world.count("userkit.mails", "kind", "password_reset_sms", "state", "delivered")).isEqualTo(1);
    }

    @Test
    @DisplayName("W6 after every kind of operation no meter name or tag value holds a username, email, phone number, address or token")
    void noUserValueInAnyMeter() {
        world.activeUser("erin");
        String token = world.kit.sessions().login("erin", PASSWORD, CLIENT).token();
        world.kit.sessions().validate(token);
        world.kit.access().authorize(token, Verb.GET, "/api");
        world.kit.recovery().requestPasswordReset("erin@example.org", ClientContext.NONE);
        world.kit.recovery().requestPasswordResetByPhone(PHONE, ClientContext.NONE);
        world.kit.outbox().deliverPending();
        for (Meter m : world.registry.getMeters()) {
            String id = m.getId().getName() + " " + m.getId().getTags();
            for (String secret : Arrays.asList("erin", "example.org", PHONE, "203.0.113.7", token)) {
                assertThat(id).doesNotContain(secret);
            }
        }
    }
}
