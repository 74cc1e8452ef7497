package dev.userkit.spring.boot;

import dev.userkit.UserKit;
import org.springframework.context.SmartLifecycle;

/**
 * The kit's work outside requests while the context runs: the outbox's senders and the scheduled
 * maintenance (each under {@code userkit.background.*}, on by default as in the server). Stopped
 * before the kit closes, since a lifecycle stops before its beans are destroyed.
 */
final class UserKitBackgroundWork implements SmartLifecycle {
    private final UserKit kit;
    private final UserKitProperties.Background settings;
    private volatile boolean running;

    UserKitBackgroundWork(UserKit kit, UserKitProperties.Background settings) {
        this.kit = kit;
        this.settings = settings;
    }

    @Override
    public void start() {
        if (settings.outbox()) kit.outbox().start();
        if (settings.maintenance()) kit.maintenance().start();
        running = true;
    }

    @Override
    public void stop() {
        if (settings.maintenance()) kit.maintenance().stop();
        if (settings.outbox()) kit.outbox().stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
