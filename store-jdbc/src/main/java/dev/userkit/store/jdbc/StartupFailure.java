package dev.userkit.store.jdbc;

import dev.userkit.StoreException;
import java.sql.SQLException;

/**
 * The exception a SQL store's start-up fails with: its message names the database, what was tried
 * (never the password), what kind of fault it is when the driver says so, and the root cause, so
 * that nobody has to read four {@code Caused by} down to learn that the password was wrong.
 */
final class StartupFailure {
    private StartupFailure() {}

    /** A StoreException for {@code fault}, met while starting {@code database} against {@code where}. */
    static StoreException of(SqlDatabase database, String where, Throwable fault) {
        String kind = kind(database.dialect(), fault);
        return new StoreException("Cannot start the " + database.name() + " store (" + where + "): "
                + (kind == null ? "" : kind + ": ") + rootCause(fault), fault);
    }

    private static String kind(SqlDialect dialect, Throwable fault) {
        for (Throwable t = fault; t != null; t = t.getCause()) {
            if (t instanceof SQLException e) {
                if (dialect.isAuthenticationFailure(e)) return "authentication failed (check the user and password)";
                if (dialect.isUnknownDatabase(e)) return "the database does not exist";
            }
        }
        return null;
    }

    /** The innermost cause as {@code Type: message}, after the outer message when that says more. */
    static String rootCause(Throwable fault) {
        Throwable root = fault;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String rootText = root.getClass().getName() + ": " + root.getMessage();
        return root == fault ? rootText : fault.getMessage() + ", caused by " + rootText;
    }
}
