package dev.userkit.accounts;

import dev.userkit.internal.UserKitContext;
import jakarta.inject.Inject;

/** Accounts (FEATURES A1-A18). */
public final class Accounts {
    private final UserKitContext ctx;

    /** Built by {@link dev.userkit.UserKit} or Guice. */
    @Inject
    public Accounts(UserKitContext ctx) {
        this.ctx = ctx;
    }
}
