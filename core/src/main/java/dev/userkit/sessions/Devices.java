package dev.userkit.sessions;

import dev.userkit.internal.UserKitContext;
import jakarta.inject.Inject;

/** Device allow-lists (D1). */
public final class Devices {
    private final UserKitContext ctx;

    /** Built by {@link dev.userkit.UserKit} or Guice. */
    @Inject
    public Devices(UserKitContext ctx) {
        this.ctx = ctx;
    }
}
