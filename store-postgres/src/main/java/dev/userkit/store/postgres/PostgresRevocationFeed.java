package dev.userkit.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import dev.userkit.spi.RevocationFeed;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revocations from the triggers of migration V6, heard with LISTEN on one connection of the store's data
 * source, held only while someone is subscribed. A dropped connection is opened again (waiting longer
 * each time, up to {@link #MAX_WAIT}), and every subscriber is told that everything changed once it
 * listens again, since notifications sent meanwhile are lost; it gives up only when the store's own pool
 * is closed.
 */
final class PostgresRevocationFeed implements RevocationFeed {
    static final String CHANNEL = "userkit_revocations";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresRevocationFeed.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(100);
    private static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private static final int POLL_MILLIS = 250;

    private final DataSource dataSource;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private Listening listening;

    PostgresRevocationFeed(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized AutoCloseable subscribe(Listener listener) {
        listeners.add(listener);
        if (listening == null) {
            listening = new Listening();
            Thread t = new Thread(listening, "userkit-revocation-feed");
            t.setDaemon(true);
            t.start();
        }
        return () -> unsubscribe(listener);
    }

    private synchronized void unsubscribe(Listener listener) {
        listeners.remove(listener);
        if (listeners.isEmpty() && listening != null) {
            listening.stopped = true;
            listening = null;
        }
    }

    /** One listening thread: connect, LISTEN, tell everyone to forget everything, then pass notifications on. */
    private final class Listening implements Runnable {
        volatile boolean stopped;

        @Override
        public void run() {
            Duration wait = FIRST_WAIT;
            while (!stopped) {
                Connection c = null;
                try {
                    c = dataSource.getConnection();
                    String schema = listen(c);
                    // whatever was cached before LISTEN took effect may have been revoked unheard
                    listeners.forEach(Listener::everythingChanged);
                    wait = FIRST_WAIT;
                    PGConnection pg = c.unwrap(PGConnection.class);
                    while (!stopped) {
                        PGNotification[] notes = pg.getNotifications(POLL_MILLIS);
                        if (notes != null) for (PGNotification n : notes) deliver(schema, n.getParameter());
                    }
                } catch (SQLException | RuntimeException e) {
                    // the pool did not see the failure (it came through the unwrapped connection): evict it
                    evict(c);
                    c = null;
                    if (stopped || poolClosed()) break;
                    LOG.warn("UserKit revocation feed lost its PostgreSQL connection ({}); listening again in {} ms",
                            e.getMessage(), wait.toMillis());
                    listeners.forEach(Listener::everythingChanged);
                    sleep(wait);
                    wait = wait.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait.multipliedBy(2);
                } finally {
                    close(c);
                }
            }
        }

        private void evict(Connection c) {
            if (c == null) return;
            if (dataSource instanceof HikariDataSource pool) pool.evictConnection(c);
            else close(c);
        }

        private void close(Connection c) {
            if (c == null) return;
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("Closing the revocation feed's connection failed", e);
            }
        }

        /** Starts listening and returns the schema whose notifications are this store's. */
        private String listen(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                String schema;
                try (ResultSet rs = s.executeQuery("SELECT current_schema()")) {
                    rs.next();
                    schema = rs.getString(1);
                }
                s.execute("LISTEN " + CHANNEL);
                if (!c.getAutoCommit()) c.commit();
                return schema;
            }
        }

        private boolean poolClosed() {
            return dataSource instanceof HikariDataSource pool && pool.isClosed();
        }

        private void sleep(Duration d) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
    }

    /** Passes one notification on to every listener, if it is about this store's schema. */
    private void deliver(String schema, String payload) {
        int space = payload.indexOf(' ');
        if (space < 0 || !payload.substring(0, space).equals(schema)) return;
        List<SessionId> sessions = new ArrayList<>();
        List<UserId> users = new ArrayList<>();
        try {
            for (String item : payload.substring(space + 1).split(",")) {
                if (item.equals("*")) {
                    listeners.forEach(Listener::everythingChanged);
                    return;
                }
                UUID id = UUID.fromString(item.substring(2));
                if (item.startsWith("s:")) sessions.add(new SessionId(id));
                else users.add(new UserId(id));
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // a payload this version cannot read is about something: forget everything rather than less
            listeners.forEach(Listener::everythingChanged);
            return;
        }
        for (Listener l : listeners) {
            if (!sessions.isEmpty()) l.sessionsChanged(sessions);
            if (!users.isEmpty()) l.usersChanged(users);
        }
    }
}
