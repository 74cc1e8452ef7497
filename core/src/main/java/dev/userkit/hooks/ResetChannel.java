package dev.userkit.hooks;

/** The way a password reset travels, as {@link Instrumentation} reports it (C2-C7). */
public enum ResetChannel {
    /** A code or link by mail, including the reset to a generated password. */
    EMAIL,
    /** A short code by text message. */
    SMS
}
