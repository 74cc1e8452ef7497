package dev.userkit.cli;

import dev.userkit.KeyRing;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.config.Settings;
import dev.userkit.launch.LaunchSettings;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.spi.Stores;
import java.util.Map;

/**
 * The in-process tests' kit source: one in-memory store that outlives each command, as a database
 * does. Schema actions have nothing to do on it (the jar's test runs them on PostgreSQL).
 */
final class InMemoryKits implements KitSource {
    private static final KeyRing KEYS = KeyRing.of(Map.of(1, new byte[32]), 1);
    private final Stores stores = InMemoryStores.create();

    /**
     * A kit over the same store, for a test to act as another client of the database would. It has a
     * mailer that drops what it is given, so that the messages a command queues show in the outbox.
     */
    UserKit kit() {
        return UserKit.builder().stores(stores).config(UserKitConfig.builder().keyRing(KEYS).loginFailureLimit(3).build())
                .mailer(message -> {}).build();
    }

    @Override
    public OpenedKit open(LaunchSettings launch, Settings all) {
        return new OpenedKit(kit(), () -> {});
    }

    @Override
    public void migrate(LaunchSettings launch, Settings all) {}

    @Override
    public void validate(LaunchSettings launch, Settings all) {}
}
