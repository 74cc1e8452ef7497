package dev.userkit.accounts;

import dev.userkit.assembly.ServiceHelpers;

/**
 * Builds this area's services for the assembly ({@link dev.userkit.UserKit#builder()} and
 * {@link dev.userkit.UserKitModule}), the one way they are made. Applications never call it: its
 * argument comes from a package outside the API.
 */
public final class AccountsFactory {
    private AccountsFactory() {}

    /** The account service over the shared helpers. */
    public static Accounts accounts(ServiceHelpers helpers) {
        return new Accounts(helpers);
    }

    /** The bootstrap service, creating the root user through {@code accounts}. */
    public static Bootstrap bootstrap(ServiceHelpers helpers, Accounts accounts) {
        return new Bootstrap(helpers, accounts);
    }
}
