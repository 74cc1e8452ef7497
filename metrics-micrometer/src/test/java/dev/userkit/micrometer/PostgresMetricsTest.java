package dev.userkit.micrometer;

import static dev.userkit.micrometer.MetricsWorld.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.ClientContext;
import dev.userkit.accounts.NewUser;
import dev.userkit.store.postgres.PostgresTestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link UserKitMetrics} over a real PostgreSQL (store-postgres's JVM-wide test server: embedded
 * PostgreSQL, or {@code USERKIT_PG_URL}): the backlog gauge is the store's bounded count.
 */
class PostgresMetricsTest {
    @Test
    @DisplayName("W6 on PostgreSQL: sign-ups, logins and validations are counted exactly; the backlog gauge follows queued and delivered mail")
    void metricsOverPostgres() {
        MetricsWorld world = new MetricsWorld(PostgresTestServer.shared().newSpace("metrics").stores());
        try {
            for (String name : new String[] {"ann", "ben", "cai"}) {
                world.kit.accounts().register(NewUser.builder(name, name + "@example.org").password(PASSWORD).build(), ClientContext.NONE);
            }
            assertThat(world.count("userkit.registrations")).isEqualTo(3);
            assertThat(world.count("userkit.mails", "kind", "verify_email", "state", "queued")).isEqualTo(3);
            assertThat(world.gauge("userkit.outbox.backlog")).isEqualTo(3);

            assertThat(world.kit.outbox().deliverPending().delivered()).isEqualTo(3);
            assertThat(world.gauge("userkit.outbox.backlog")).isZero();
            assertThat(world.count("userkit.mails", "kind", "verify_email", "state", "delivered")).isEqualTo(3);

            assertThatThrownBy(() -> world.kit.sessions().login("ann", PASSWORD, ClientContext.NONE));
            world.kit.accounts().verifyEmail(world.mailer.latestCode("ann@example.org", dev.userkit.spi.MessageKind.VERIFY_EMAIL).orElseThrow());
            String token = world.kit.sessions().login("ann", PASSWORD, ClientContext.NONE).token();
            world.kit.sessions().validate(token);
            assertThat(world.count("userkit.logins", "outcome", "pending")).isEqualTo(1);
            assertThat(world.count("userkit.logins", "outcome", "success")).isEqualTo(1);
            assertThat(world.count("userkit.validations", "result", "valid")).isEqualTo(1);
            assertThat(world.gauge("userkit.hashes.active")).isZero();
        } finally {
            world.kit.outbox().stop();
        }
    }
}
