package dev.userkit.store.jdbc.testing;

import dev.userkit.testkit.Fixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes user rows the way releases before migration V5 did (no username skeleton), with plain
 * JDBC, since today's stores write columns an old schema lacks. For upgrade tests only.
 */
final class LegacyUsers {
    private LegacyUsers() {}

    /** Inserts an active user with this id, name (as shown) and key; the email is {@code key@example.com}. */
    static void insert(DataSource dataSource, UUID id, String username, String key) {
        String sql = "INSERT INTO userkit_users (id, username, username_key, email, email_key, metadata, admin, status, "
                + "created_at, updated_at, password_hash, version) VALUES (?, ?, ?, ?, ?, '{}', FALSE, 'ACTIVE', ?, ?, ?, 0)";
        Timestamp at = Timestamp.from(Fixtures.AT);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            // the drivers take a UUID as such: PostgreSQL as uuid, MariaDB as its text form
            ps.setObject(1, id);
            ps.setString(2, username);
            ps.setString(3, key);
            ps.setString(4, key + "@example.com");
            ps.setString(5, key + "@example.com");
            ps.setTimestamp(6, at);
            ps.setTimestamp(7, at);
            ps.setString(8, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot insert legacy user " + key, e);
        }
    }
}
