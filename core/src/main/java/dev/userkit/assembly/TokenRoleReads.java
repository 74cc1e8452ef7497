package dev.userkit.assembly;

import dev.userkit.spi.SessionWithRoles;

/**
 * Validates a token and reads its user's roles in the same read (R4, SEC-20): what authorisation
 * gets from the session service without a second round trip for the roles.
 */
@FunctionalInterface
public interface TokenRoleReads {
    /**
     * The valid session of a token with its user and the user's roles.
     *
     * @param token the session token
     * @return the session, its user (empty for an anonymous session) and the user's roles
     * @throws dev.userkit.UserKitException 606, 607 or 608 as {@link dev.userkit.sessions.Sessions#validate} raises them
     */
    SessionWithRoles validateWithRoles(String token);
}
