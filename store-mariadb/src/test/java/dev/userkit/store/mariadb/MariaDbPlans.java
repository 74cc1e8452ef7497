package dev.userkit.store.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What MariaDB reports about a statement a store sent: its plan, or its plan with what running it read. */
final class MariaDbPlans {
    private MariaDbPlans() {}

    /** Binds the parameters of the statement being explained. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps, String sql) throws SQLException;
    }

    /** The one-row answer of {@code prefix + sql} ({@code EXPLAIN FORMAT=JSON } or {@code ANALYZE FORMAT=JSON }). */
    static String explain(Connection c, String prefix, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(prefix + sql)) {
            binder.bind(ps, sql);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    /** ANALYZE FORMAT=JSON of {@code sql}, which runs it: inside a transaction rolled back, so the data stays. */
    static String analyzeRolledBack(Connection c, String sql, Binder binder) throws SQLException {
        c.setAutoCommit(false);
        try {
            return explain(c, "ANALYZE FORMAT=JSON ", sql, binder);
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    /** The rows MariaDB actually read from the table ({@code r_rows}) in an ANALYZE FORMAT=JSON answer. */
    static long rowsRead(String analyzed) {
        Matcher m = Pattern.compile("\"r_rows\": ([0-9.]+)").matcher(analyzed);
        assertThat(m.find()).as("r_rows in " + analyzed).isTrue();
        return (long) Double.parseDouble(m.group(1));
    }
}
