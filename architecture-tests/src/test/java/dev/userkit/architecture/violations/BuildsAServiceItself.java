package dev.userkit.architecture.violations;

import dev.userkit.accounts.Accounts;
import dev.userkit.accounts.AccountsFactory;

/** Deliberately breaks {@code NON_API_STAYS_IN_CORE}: a service built past UserKit.builder() and Guice. */
public class BuildsAServiceItself {
    Accounts accounts() {
        return AccountsFactory.accounts(null);
    }
}
