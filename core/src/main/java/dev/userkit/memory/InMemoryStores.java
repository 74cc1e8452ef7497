package dev.userkit.memory;

import dev.userkit.spi.Stores;
import java.util.function.Supplier;

/**
 * The in-memory reference store (T2, ST1): thread-safe, every port, nothing persisted. The
 * embedded default, for the demo and for applications' own unit tests.
 */
public final class InMemoryStores {
    private InMemoryStores() {}

    /**
     * A fresh, empty set of stores.
     *
     * @return the stores
     */
    public static Stores create() {
        return Stores.builder().users(new InMemoryUserStore()).sessions(new InMemorySessionStore())
                .codes(new InMemoryCodeStore()).roles(new InMemoryRoleStore()).devices(new InMemoryDeviceStore())
                .attempts(new InMemoryAttemptStore()).outbox(new InMemoryOutboxStore()).unitOfWork(InMemoryStores::runInline)
                .maintenanceLock(new InMemoryMaintenanceLock()).build();
    }

    // Each port method is atomic on its own; the services order multi-step work safely, so a unit
    // of work here has nothing to add.
    private static <T> T runInline(Supplier<T> work) {
        return work.get();
    }
}
