package dev.userkit.recovery;

import dev.userkit.internal.UserKitContext;
import jakarta.inject.Inject;

/** Forgot password and username, resets by email and phone (C1-C7). */
public final class Recovery {
    private final UserKitContext ctx;

    /** Built by {@link dev.userkit.UserKit} or Guice. */
    @Inject
    public Recovery(UserKitContext ctx) {
        this.ctx = ctx;
    }
}
