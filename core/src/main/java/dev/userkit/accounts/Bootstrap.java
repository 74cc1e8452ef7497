package dev.userkit.accounts;

import dev.userkit.internal.UserKitContext;
import jakarta.inject.Inject;

/** Root user and full-access admin role (R5). */
public final class Bootstrap {
    private final UserKitContext ctx;
    private final Accounts accounts;

    /** Built by {@link dev.userkit.UserKit} or Guice. */
    @Inject
    public Bootstrap(UserKitContext ctx, Accounts accounts) {
        this.ctx = ctx;
        this.accounts = accounts;
    }
}
