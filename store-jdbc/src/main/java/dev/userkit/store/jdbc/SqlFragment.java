package dev.userkit.store.jdbc;

import java.sql.SQLException;

/**
 * A piece of SQL (a WHERE condition, or a whole statement built from one) and the binding of its
 * parameters, in order.
 *
 * @param sql the condition or statement, with {@code ?} placeholders
 * @param binding binds the placeholders
 */
public record SqlFragment(String sql, Binding binding) {
    /** Binds parameters through {@link Params}. */
    @FunctionalInterface
    public interface Binding {
        /**
         * Binds this fragment's parameters at the next positions of {@code params}.
         *
         * @param params the statement's parameters
         * @throws SQLException if the driver refuses
         */
        void bind(Params params) throws SQLException;
    }
}
