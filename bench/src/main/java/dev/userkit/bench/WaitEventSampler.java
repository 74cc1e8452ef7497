package dev.userkit.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples, about once a millisecond and on a connection of its own, what the PostgreSQL backends of one
 * application name are doing ({@code pg_stat_activity}): idle, or active and waiting on a named event
 * (a lock, an LWLock, I/O), or active with no wait event, which is on a CPU or runnable waiting for one.
 * The counts go to the window named last, so that "before" and "during" can be compared.
 */
final class WaitEventSampler implements AutoCloseable {
    /** The key of a sample of a backend that is active and waits on no event. */
    static final String ON_CPU = "active, no wait event (on CPU or run queue)";
    private static final String ACTIVITY = "SELECT state, wait_event_type, wait_event FROM pg_stat_activity WHERE application_name = ?";
    private final Map<String, Map<String, Long>> windows = new ConcurrentHashMap<>();
    private final Connection connection;
    private final Thread thread;
    private volatile Map<String, Long> current = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile SQLException failure;

    /**
     * Starts sampling into an unnamed window that is not reported.
     *
     * @param url the server, as its administrator
     * @param application the {@code application_name} of the backends to watch
     * @throws SQLException if the server cannot be reached
     */
    WaitEventSampler(String url, String application) throws SQLException {
        connection = DriverManager.getConnection(url);
        connection.setClientInfo("ApplicationName", "userkit-profile");
        PreparedStatement ps = connection.prepareStatement(ACTIVITY);
        ps.setString(1, application);
        thread = new Thread(() -> run(ps), "wait-event-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Counts the next samples under a name.
     *
     * @param name the window, e.g. {@code before}
     */
    void window(String name) {
        Map<String, Long> next = new ConcurrentHashMap<>();
        windows.put(name, next);
        current = next;
    }

    /**
     * @param name a window
     * @return its samples by state and wait event, one per backend a query saw
     */
    Map<String, Long> samples(String name) {
        return new TreeMap<>(windows.getOrDefault(name, Map.of()));
    }

    private void run(PreparedStatement ps) {
        try {
            while (running) {
                Map<String, Long> into = current;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) into.merge(key(rs.getString(1), rs.getString(2), rs.getString(3)), 1L, Long::sum);
                }
                LockSupport.parkNanos(1_000_000);
            }
        } catch (SQLException e) {
            failure = e;
        }
    }

    private static String key(String state, String type, String event) {
        if (!"active".equals(state)) return String.valueOf(state);
        return type == null ? ON_CPU : "active, waiting " + type + ":" + event;
    }

    /** Stops sampling; throws what stopped it early, if anything did. */
    @Override
    public void close() throws SQLException {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
        if (failure != null) throw failure;
    }
}
