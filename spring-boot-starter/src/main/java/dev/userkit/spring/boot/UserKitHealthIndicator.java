package dev.userkit.spring.boot;

import dev.userkit.UserKit;
import dev.userkit.accounts.Bootstrap;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Actuator's {@code userKit} health component: UP when the store answers a read through the services
 * (the admin role's lookup, as the server's {@code /health/ready}), DOWN on a storage fault. The schema
 * is current while the store runs: a store opened with {@code migrate} or {@code validate} refuses to
 * start on any other, and the detail says which mode it was opened with.
 */
final class UserKitHealthIndicator extends AbstractHealthIndicator {
    private final UserKit kit;
    private final String schemaMode;

    UserKitHealthIndicator(UserKit kit, String schemaMode) {
        super("UserKit's store is not reachable");
        this.kit = kit;
        this.schemaMode = schemaMode;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        // a StoreException here is caught by AbstractHealthIndicator and reported DOWN with its type
        kit.access().findRole(Bootstrap.ADMIN_ROLE);
        builder.up().withDetail("store", "reachable").withDetail("schemaMode", schemaMode);
    }
}
