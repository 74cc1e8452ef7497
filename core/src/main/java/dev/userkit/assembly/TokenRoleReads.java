package dev.userkit.assembly;

import dev.userkit.spi.SessionAccess;

/**
 * Validates a token and reads its user's roles in the same read (R4, SEC-20): what authorisation
 * gets from the session service without a second round trip for the roles.
 */
@FunctionalInterface
public interface TokenRoleReads {
    /**
     * What authorisation reads of a token's valid session, with the roles of its user; the session's
     * idle expiry is slid as {@link dev.userkit.sessions.Sessions#validate} slides it.
     *
     * @param token the session token
     * @return the session's check fields as found, its user's status and stamp (no user for an
     *         anonymous session) and the user's roles
     * @throws dev.userkit.UserKitException 606, 607 or 608 as {@link dev.userkit.sessions.Sessions#validate} raises them
     */
    SessionAccess validateWithRoles(String token);
}
