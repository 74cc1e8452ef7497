package dev.userkit.store.jdbc;

import dev.userkit.StoreException;
import dev.userkit.domain.Username;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives users stored before migration V5 their username skeleton, which SQL cannot compute. In id
 * order, which is creation order (ids are UUID v7), so that when two legacy names look alike the
 * older account keeps the name's skeleton; the newer one keeps NULL (it still logs in, but claims
 * no look-alikes) and is logged, on every run, until an administrator renames it. Rows are read in
 * pages and updated one by one in auto-commit mode, so a clash spoils only its own statement, and
 * a run after a crash picks up where the last one stopped.
 */
final class UsernameSkeletonBackfill {
    private static final Logger LOG = LoggerFactory.getLogger(UsernameSkeletonBackfill.class);
    private static final int PAGE = 500;
    // SQLSTATE class 23 is an integrity constraint violation on every database
    private static final String INTEGRITY_VIOLATION = "23";

    private UsernameSkeletonBackfill() {}

    /** Fills every NULL skeleton that is free; returns how many rows it filled. */
    static int run(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            int filled = 0;
            Object after = null;
            List<Object[]> page;
            do {
                page = missing(c, after);
                for (Object[] row : page) {
                    if (fill(c, (String) row[1])) {
                        filled++;
                    } else {
                        LOG.warn("User {} has a username that looks like an older user's; it keeps no skeleton until renamed", row[0]);
                    }
                    after = row[0];
                }
            } while (page.size() == PAGE);
            return filled;
        } catch (SQLException e) {
            throw new StoreException("Cannot back-fill username skeletons", e);
        }
    }

    // (id, username_key) of the next rows without a skeleton; the id goes back to the driver as the
    // driver gave it (a UUID on PostgreSQL, text on MariaDB), so no dialect is needed
    private static List<Object[]> missing(Connection c, Object after) throws SQLException {
        String sql = "SELECT id, username_key FROM userkit_users WHERE username_skeleton IS NULL"
                + (after == null ? "" : " AND id > ?") + " ORDER BY id";
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            // the page size through JDBC rather than LIMIT, which is not portable SQL (this runs without a dialect)
            ps.setMaxRows(PAGE);
            if (after != null) ps.setObject(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(new Object[] {rs.getObject(1), rs.getString(2)});
            }
        }
        return rows;
    }

    private static boolean fill(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE userkit_users SET username_skeleton = ? "
                + "WHERE username_key = ? AND username_skeleton IS NULL")) {
            ps.setString(1, Username.skeletonOf(key));
            ps.setString(2, key);
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith(INTEGRITY_VIOLATION)) return false;
            throw e;
        }
    }
}
