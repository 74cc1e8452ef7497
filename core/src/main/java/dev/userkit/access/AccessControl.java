package dev.userkit.access;

import dev.userkit.internal.UserKitContext;
import dev.userkit.sessions.Sessions;
import jakarta.inject.Inject;

/** Roles, permissions, grants and authorisation (R1-R4). */
public final class AccessControl {
    private final UserKitContext ctx;
    private final Sessions sessions;

    /** Built by {@link dev.userkit.UserKit} or Guice. */
    @Inject
    public AccessControl(UserKitContext ctx, Sessions sessions) {
        this.ctx = ctx;
        this.sessions = sessions;
    }
}
