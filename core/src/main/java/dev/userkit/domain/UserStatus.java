package dev.userkit.domain;

/** Lifecycle of an account. */
public enum UserStatus {
    /** Registered, email not verified yet: cannot log in. */
    PENDING,
    /** Verified (or activated on sign-up): may log in. */
    ACTIVE,
    /** Switched off by an administrator: cannot log in, all sessions revoked. */
    DISABLED
}
