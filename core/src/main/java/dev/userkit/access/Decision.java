package dev.userkit.access;

/** The answer to an authorisation question (R4), mapping onto HTTP 200, 401 and 403. */
public enum Decision {
    /** A live user session holds a role with a permission matching the verb and path. */
    ALLOWED,
    /** No token, an unknown, revoked or expired token, or an anonymous session (HTTP 401). */
    UNAUTHENTICATED,
    /** Authenticated, but no permission matches, or the path is not canonical (HTTP 403). */
    FORBIDDEN
}
