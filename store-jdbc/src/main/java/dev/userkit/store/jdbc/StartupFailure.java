package dev.userkit.store.jdbc;

import dev.userkit.StoreException;
import dev.userkit.spi.StoreStartFailure;
import java.sql.SQLException;

/** A SQL store's start-up failure: {@link StoreStartFailure} with the kind the dialect reads off the driver's codes. */
final class StartupFailure {
    private StartupFailure() {}

    /** A StoreException for {@code fault}, met while starting {@code database} against {@code where}. */
    static StoreException of(SqlDatabase database, String where, Throwable fault) {
        return StoreStartFailure.of(database.name(), where, kind(database.dialect(), fault), fault);
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
}
