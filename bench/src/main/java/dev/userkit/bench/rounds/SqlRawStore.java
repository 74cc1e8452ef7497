package dev.userkit.bench.rounds;

import dev.userkit.bench.servers.SqlFlavor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The raw baselines on a SQL store's own pool: a prepared point read of the session table by
 * token hash (every column read out), and an insert into a plain user table of the bench's own.
 */
final class SqlRawStore implements RawStore {
    static final String SESSION_COLUMNS = "id, user_id, token_hash, created_at, last_seen_at, idle_expires_at, "
            + "absolute_expires_at, expires_at, data, device_id, security_stamp";
    private static final String READ = "SELECT " + SESSION_COLUMNS + " FROM userkit_sessions WHERE token_hash = ?";
    private static final String INSERT = "INSERT INTO bench_raw_users (id, username, email, password_hash, created_at) VALUES (?, ?, ?, ?, ?)";
    private static final int COLUMNS = SESSION_COLUMNS.split(",").length;

    private final DataSource ds;
    private final SqlFlavor flavor;

    SqlRawStore(DataSource ds, SqlFlavor flavor) throws SQLException {
        this.ds = ds;
        this.flavor = flavor;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_raw_users (id " + flavor.idType() + " PRIMARY KEY, username varchar(255) NOT NULL UNIQUE, "
                    + "email varchar(320) NOT NULL UNIQUE, password_hash varchar(255) NOT NULL, created_at " + flavor.timeType() + " NOT NULL)");
        }
    }

    @Override
    public String sessionReadName() {
        return "raw SELECT by token_hash";
    }

    @Override
    public void readSession(String tokenHash) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(READ)) {
            ps.setString(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("no session with hash " + tokenHash);
                for (int i = 1; i <= COLUMNS; i++) rs.getObject(i);
            }
        }
    }

    @Override
    public void insertUser(UUID id, String username, String email, String passwordHash, Instant at) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            flavor.bindId(ps, 1, id);
            ps.setString(2, username);
            ps.setString(3, email);
            ps.setString(4, passwordHash);
            flavor.bindTime(ps, 5, at);
            ps.executeUpdate();
        }
    }
}
