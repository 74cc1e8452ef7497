package dev.userkit.http;

import dev.userkit.memory.InMemoryStores;
import dev.userkit.spi.Stores;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * An {@link EdgeWorld} mounted in the container {@link #container()} gives, listening on loopback for the
 * whole test class, and a client of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EdgeOnLoopback {
    EdgeWorld world;
    LoopbackClient client;
    private ServletContainer container;

    /** The container under test. */
    abstract ServletContainer container();

    /** Where the kits' stores come from: in memory unless a subclass says otherwise. */
    Supplier<Stores> stores() {
        return InMemoryStores::create;
    }

    @BeforeAll
    void start() throws Exception {
        world = new EdgeWorld(stores());
        container = container();
        client = new LoopbackClient(container.start(world.contexts()));
    }

    @AfterAll
    void stop() throws Exception {
        container.close();
    }
}
