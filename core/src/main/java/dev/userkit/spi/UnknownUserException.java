package dev.userkit.spi;

import dev.userkit.StoreException;

/**
 * Thrown by a store that refuses a session, code, role grant or device for a user it does not
 * hold (the SQL stores, by foreign key). The services only write such rows for a user they have
 * just read, so this happens only when the user is deleted concurrently (a login racing an account
 * deletion); it stays a {@link StoreException} because, like any fault of that kind, the call
 * changed nothing and may simply be repeated, and a repeat then fails with the usual domain code.
 */
public class UnknownUserException extends StoreException {
    /**
     * A write of {@code what} for a user the store does not hold; the cause is the database's refusal.
     *
     * @param what what was written, for the message
     * @param cause the database's refusal
     */
    public UnknownUserException(String what, Throwable cause) {
        super("Unknown user: " + what + " names a user that does not exist", cause);
    }
}
