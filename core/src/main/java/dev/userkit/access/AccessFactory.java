package dev.userkit.access;

import dev.userkit.assembly.ServiceHelpers;
import dev.userkit.sessions.Devices;
import dev.userkit.sessions.Sessions;
import dev.userkit.sessions.SessionsFactory;

/**
 * Builds this area's service for the assembly ({@link dev.userkit.UserKit#builder()} and
 * {@link dev.userkit.UserKitModule}), the one way it is made. Applications never call it: its
 * argument comes from a package outside the API.
 */
public final class AccessFactory {
    private AccessFactory() {}

    /**
     * The access-control service, validating tokens through {@code sessions}.
     *
     * @param helpers the helpers shared by the services of one {@link dev.userkit.UserKit}
     * @param sessions the session service that validates the tokens
     * @param devices the device service that checks a request's device (806)
     * @return a new access-control service
     */
    public static AccessControl accessControl(ServiceHelpers helpers, Sessions sessions, Devices devices) {
        return new AccessControl(helpers.ctx(), SessionsFactory.tokenRoleReads(sessions), devices);
    }
}
