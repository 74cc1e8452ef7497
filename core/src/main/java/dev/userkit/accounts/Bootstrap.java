package dev.userkit.accounts;

import dev.userkit.UserKitException;
import dev.userkit.assembly.ServiceHelpers;
import dev.userkit.sessions.Devices;

/** Root user and full-access admin role (R5). */
public final class Bootstrap {
    /** The name of the full-access role. */
    public static final String ADMIN_ROLE = "admin";
    /** The name of its single permission: {@code /**} with every verb. */
    public static final String FULL_ACCESS = "full-access";
    /** The name of its single permission when it covers the API only ({@link RootOptions#apiOnly}): {@code basePath/**}, every verb. */
    public static final String API_ACCESS = "api-access";
    private final RootSetup setup;

    /** Built by {@link AccountsFactory}, for {@link dev.userkit.UserKit} or Guice. */
    Bootstrap(ServiceHelpers helpers, Accounts accounts, Devices devices) {
        this.setup = new RootSetup(helpers, accounts, devices);
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
        return setup.ensureRoot(username, email, password, RootOptions.fullAccess(), false);
    }

    /**
     * As {@link #ensureRoot(String, String, String)}, with the admin role's scope and a root device
     * from {@code options} (R6): a role created now gets the options' pattern (an existing role is
     * left as it is), and under device control the options' device token is permitted for the root
     * ({@link Devices#permitToken}), so the root can log in from that device.
     *
     * @param username the root user's username
     * @param email the root user's email
     * @param password the root password, or null to generate one
     * @param options the admin role's scope and the root's device
     * @return as {@link #ensureRoot(String, String, String)}
     * @throws UserKitException as {@link #ensureRoot(String, String, String)}, INVALID_DEVICE_TOKEN (805)
     *         under device control for a malformed device token, before anything is written; INVALID_ARGUMENT (1010) for null options
     */
    public BootstrapResult ensureRoot(String username, String email, String password, RootOptions options) {
        return setup.ensureRoot(username, email, password, options, false);
    }

    /**
     * The first set-up only (umpack's {@code POST /initialization}): as
     * {@link #ensureRoot(String, String, String, RootOptions)} while no user of that username
     * exists; once it does, refuses with USER_EXISTS (602) and changes, resets and reveals nothing
     * (no password, no new device, no grant), also when two first calls race.
     *
     * @param username the root user's username
     * @param email the root user's email
     * @param password the root password, or null to generate one
     * @param options the admin role's scope and the root's device
     * @return the outcome, with the given or generated password
     * @throws UserKitException USER_EXISTS (602) when the root exists already; INVALID_DEVICE_TOKEN (805)
     *         under device control for a missing or malformed device token (umpack: required there);
     *         otherwise as {@link #ensureRoot(String, String, String, RootOptions)}
     */
    public BootstrapResult initialize(String username, String email, String password, RootOptions options) {
        return setup.ensureRoot(username, email, password, options, true);
    }
}
