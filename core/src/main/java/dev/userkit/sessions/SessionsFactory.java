package dev.userkit.sessions;

import dev.userkit.assembly.ServiceHelpers;
import dev.userkit.assembly.TokenRoleReads;

/**
 * Builds this area's services for the assembly ({@link dev.userkit.UserKit#builder()} and
 * {@link dev.userkit.UserKitModule}), the one way they are made. Applications never call it: its
 * argument comes from a package outside the API.
 */
public final class SessionsFactory {
    private SessionsFactory() {}

    /**
     * The device service over the shared helpers.
     *
     * @param helpers the helpers shared by the services of one {@link dev.userkit.UserKit}
     * @return a new device service
     */
    public static Devices devices(ServiceHelpers helpers) {
        return new Devices(helpers.ctx(), helpers.messages());
    }

    /**
     * The session service, admitting logins through {@code devices}.
     *
     * @param helpers the helpers shared by the services of one {@link dev.userkit.UserKit}
     * @param devices the device service that decides whether a login's device is admitted
     * @return a new session service
     */
    public static Sessions sessions(ServiceHelpers helpers, Devices devices) {
        return new Sessions(helpers, devices);
    }

    /**
     * Token validation with the roles of the token's user, read together, for authorisation.
     *
     * @param sessions the session service whose checks validate the token
     * @return the reads
     */
    public static TokenRoleReads tokenRoleReads(Sessions sessions) {
        return sessions.checks()::checkWithRoles;
    }
}
