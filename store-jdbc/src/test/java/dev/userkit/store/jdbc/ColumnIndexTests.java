package dev.userkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.store.jdbc.testing.SqlTestServer;
import dev.userkit.store.jdbc.testing.TestSpace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link ColumnIndex} on a real server's result: rows read by position find the column the driver's
 * own lookup by label finds, under a join's prefixes too. A store module nests it in its suite.
 */
public abstract class ColumnIndexTests {
    private static final String JOINED = "SELECT 1 AS id, 'plain' AS Name, 2 AS u_id, 'joined' AS u_name, 3 AS u_r_id, 4 AS id";

    private TestSpace space;
    private Connection connection;
    private ResultSet rs;

    /**
     * The server to create a space on.
     *
     * @return the suite's server
     */
    protected abstract SqlTestServer server();

    @BeforeEach
    void query() throws SQLException {
        space = server().newSpace("columns");
        connection = space.dataSource().getConnection();
        Statement statement = connection.createStatement();
        rs = statement.executeQuery(JOINED);
        rs.next();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
        space.close();
    }

    @Test
    @DisplayName("a row reads each column by position where the driver's lookup by label finds it, case aside, the first of equal labels")
    void positionsAgreeWithTheDriver() throws SQLException {
        ColumnIndex index = ColumnIndex.of(rs);
        for (String label : new String[] {"id", "name", "NAME", "u_id", "u_name", "u_r_id"}) {
            assertThat(index.position(rs, label)).as(label).isEqualTo(rs.findColumn(label));
        }
        assertThat(index.position(rs, "id")).isEqualTo(1);
    }

    @Test
    @DisplayName("a prefixed row reads a join's aliased columns by their own names, and prefixes compose")
    void prefixesNarrowTheLabels() throws SQLException {
        ColumnIndex index = ColumnIndex.of(rs);
        assertThat(index.under("u_").position(rs, "id")).isEqualTo(rs.findColumn("u_id"));
        assertThat(index.under("u_").position(rs, "name")).isEqualTo(rs.findColumn("u_name"));
        assertThat(index.under("u_").under("r_").position(rs, "id")).isEqualTo(rs.findColumn("u_r_id"));
        assertThat(index.under("U_")).isNotSameAs(index.under("u_"));
        assertThat(index.under("U_").position(rs, "name")).isEqualTo(rs.findColumn("u_name"));
    }

    @Test
    @DisplayName("a name the result lacks is refused by the driver, under a prefix too, even where an unprefixed column has it")
    void unknownNamesAreTheDriversToRefuse() throws SQLException {
        ColumnIndex index = ColumnIndex.of(rs);
        assertThatThrownBy(() -> index.position(rs, "missing")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> index.under("u_").position(rs, "plain")).isInstanceOf(SQLException.class);
        // never the bare column of the same name, which belongs to another table of the join
        assertThatThrownBy(() -> index.under("u_r_").position(rs, "name")).isInstanceOf(SQLException.class);
    }

    @Test
    @DisplayName("the cache builds one index per statement text and stops adding at its bound")
    void cacheIsPerStatementAndBounded() throws SQLException {
        ColumnIndex.Cache cache = new ColumnIndex.Cache();
        ColumnIndex first = cache.of(JOINED, rs);
        assertThat(cache.of(JOINED, rs)).isSameAs(first);
        for (int i = 0; i < ColumnIndex.Cache.MAX_STATEMENTS; i++) cache.of("statement " + i, rs);
        String past = "one statement too many";
        assertThat(cache.of(past, rs)).isNotSameAs(cache.of(past, rs));
    }
}
