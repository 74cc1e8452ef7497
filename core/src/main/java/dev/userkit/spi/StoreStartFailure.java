package dev.userkit.spi;

import dev.userkit.StoreException;

/**
 * The exception every store's start-up fails with, one shape for all: the top message names the
 * store, what was tried (host, port, database, schema, user; never a password), the kind of fault
 * when the store can tell, and the root cause, so that nobody has to read four {@code Caused by}
 * down to learn that the password was wrong.
 */
public final class StoreStartFailure {
    private StoreStartFailure() {}

    /**
     * The failure of starting {@code store} against {@code where}.
     *
     * @param store the store's name, e.g. {@code PostgreSQL}
     * @param where what was tried, without secrets
     * @param kind what the fault is in a few words (e.g. {@code authentication failed}), or null if unknown
     * @param fault the fault; kept as the cause
     * @return a StoreException with the whole story in its message
     */
    public static StoreException of(String store, String where, String kind, Throwable fault) {
        return new StoreException("Cannot start the " + store + " store (" + where + "): "
                + (kind == null ? "" : kind + ": ") + rootCause(fault), fault);
    }

    /** The innermost cause as {@code Type: message}, after the outer message when that says more. */
    private static String rootCause(Throwable fault) {
        Throwable root = fault;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String rootText = root.getClass().getName() + ": " + root.getMessage();
        return root == fault ? rootText : fault.getMessage() + ", caused by " + rootText;
    }
}
