package dev.userkit.accounts;

import dev.userkit.assembly.ServiceHelpers;
import java.time.Instant;
import dev.userkit.sessions.Devices;

/**
 * Builds this area's services for the assembly ({@link dev.userkit.UserKit#builder()} and
 * {@link dev.userkit.UserKitModule}), the one way they are made. Applications never call it: its
 * argument comes from a package outside the API.
 */
public final class AccountsFactory {
    private AccountsFactory() {}

    /**
     * The account service over the shared helpers.
     *
     * @param helpers the helpers shared by the services of one {@link dev.userkit.UserKit}
     * @return a new account service
     */
    public static Accounts accounts(ServiceHelpers helpers) {
        return new Accounts(helpers);
    }

    /**
     * The bootstrap service, creating the root user through {@code accounts}.
     *
     * @param helpers the helpers shared by the services of one {@link dev.userkit.UserKit}
     * @param accounts the account service that creates the root user
     * @param devices the device service that permits the root's device (R6)
     * @return a new bootstrap service
     */
    public static Bootstrap bootstrap(ServiceHelpers helpers, Accounts accounts, Devices devices) {
        return new Bootstrap(helpers, accounts, devices);
    }

    /**
     * One bounded batch of {@link Accounts#purgeUnverified()}: removes the accounts among the next
     * {@code limit} still PENDING past their window at {@code now}, for scheduled maintenance.
     *
     * @param accounts the account service
     * @param now the instant the maintenance run started
     * @param limit the most accounts looked at
     * @return how many accounts were removed
     */
    public static int purgeUnverifiedBatch(Accounts accounts, Instant now, int limit) {
        return accounts.purgeUnverifiedBatch(now, limit);
    }
}
