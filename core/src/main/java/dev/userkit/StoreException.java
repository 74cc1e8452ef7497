package dev.userkit;

/**
 * An infrastructure fault: the database is down, a query failed, a connection timed out.
 * Distinct from {@link UserKitException} so that callers can tell "wrong password" from
 * "try again later". The cause is always kept.
 */
public class StoreException extends RuntimeException {
    /**
     * A fault with its cause.
     *
     * @param message what failed, without secrets
     * @param cause the underlying exception
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A fault detected without an underlying exception.
     *
     * @param message what failed, without secrets
     */
    public StoreException(String message) {
        super(message);
    }
}
