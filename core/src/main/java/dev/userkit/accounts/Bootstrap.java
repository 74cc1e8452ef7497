package dev.userkit.accounts;

import dev.userkit.UserKitException;
import dev.userkit.assembly.ServiceHelpers;

/** Root user and full-access admin role (R5). */
public final class Bootstrap {
    /** The name of the full-access role. */
    public static final String ADMIN_ROLE = "admin";
    /** The name of its single permission: {@code /**} with every verb. */
    public static final String FULL_ACCESS = "full-access";
    private final RootSetup setup;

    /** Built by {@link AccountsFactory}, for {@link dev.userkit.UserKit} or Guice. */
    Bootstrap(ServiceHelpers helpers, Accounts accounts) {
        this.setup = new RootSetup(helpers, accounts);
    }

    /**
     * Makes sure the root user exists (ACTIVE, admin flag set) and holds the role {@value #ADMIN_ROLE}
     * with full access ({@code /**}, every verb), creating what is absent (R5). Idempotent: a second
     * call changes nothing. Concurrent first calls end with one user and one role.
     *
     * @param username the root user's username
     * @param email the root user's email
     * @param password the root password, or null to generate one
     * @return the ids, and the given password or, when the user was created now, the generated one
     * @throws UserKitException INVALID_USERNAME (900), INVALID_EMAIL (901), 1001-1004 for a weak given password,
     *         USER_EXISTS (602) if the email belongs to another user
     */
    public BootstrapResult ensureRoot(String username, String email, String password) {
        return setup.ensureRoot(username, email, password);
    }
}
