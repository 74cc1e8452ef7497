package dev.userkit.bench;

import dev.userkit.domain.Email;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.User;
import dev.userkit.domain.UserStatus;
import dev.userkit.domain.Username;
import dev.userkit.spi.UserRecord;
import dev.userkit.spi.UserStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * Many sessions, made by the server itself ({@link SqlBenchServer#fillSessions}) rather than by a
 * round trip per row. Session {@code i} (from 0) has the random-looking id {@code md5('s' || i)}, the
 * token {@code bench-i}, and belongs to one of {@link #USERS} active users; even-numbered sessions
 * ended up to 30 days before "now", odd-numbered ones end up to 30 days after it and were last seen
 * "now" (so validating one writes nothing). Expired and live sessions are therefore interleaved in id
 * order, in the table's physical order and in the users' sessions alike.
 */
final class BulkSessions {
    /** The users the sessions belong to. */
    static final int USERS = 1_000;

    private BulkSessions() {}

    /**
     * Inserts {@link #USERS} users through the store, then {@code 2 * expired} sessions (half expired),
     * then settles the table's statistics.
     *
     * @param ds the space's pool
     * @param server its server
     * @param users the space's user store
     * @param now the bench's "now"
     * @param expired how many expired sessions (as many live ones join them)
     * @throws SQLException if the server refuses
     */
    static void fill(DataSource ds, SqlBenchServer server, UserStore users, Instant now, long expired) throws SQLException {
        for (int u = 0; u < USERS; u++) {
            User user = User.builder().id(IdGenerator.userId()).username(Username.of("bench" + u, false))
                    .email(Email.of("bench" + u + "@example.test")).status(UserStatus.ACTIVE).createdAt(now).updatedAt(now).build();
            users.insert(UserRecord.created(user, "not a password hash: these users never log in"));
        }
        SqlBenchServer.Statements sql = server.statements(2 * expired - 1);
        try (Connection c = ds.getConnection(); PreparedStatement fill = c.prepareStatement(sql.fillSessions())) {
            c.setAutoCommit(true);
            for (long from = 0; from < 2 * expired; from += SqlBenchServer.FILL_CHUNK) {
                server.bindTime(fill, 1, now);
                fill.setLong(2, from);
                fill.setLong(3, Math.min(2 * expired, from + SqlBenchServer.FILL_CHUNK) - 1);
                fill.setInt(4, USERS);
                fill.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute(sql.settleTable());
            }
        }
    }

    /**
     * @param i the session's number
     * @return its token
     */
    static String token(long i) {
        return "bench-" + i;
    }

    /**
     * @param random the source
     * @param expired how many expired sessions the space was filled with
     * @return the token of a random live session
     */
    static String liveToken(SplittableRandom random, long expired) {
        return token(2 * random.nextLong(expired) + 1);
    }
}
