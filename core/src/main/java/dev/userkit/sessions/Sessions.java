package dev.userkit.sessions;

import dev.userkit.internal.UserKitContext;
import jakarta.inject.Inject;

/** Login, validation, logout and session administration (S1-S8, S10). */
public final class Sessions {
    private final UserKitContext ctx;
    private final Devices devices;

    /** Built by {@link dev.userkit.UserKit} or Guice. */
    @Inject
    public Sessions(UserKitContext ctx, Devices devices) {
        this.ctx = ctx;
        this.devices = devices;
    }
}
