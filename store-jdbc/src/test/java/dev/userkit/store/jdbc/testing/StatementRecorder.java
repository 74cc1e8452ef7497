package dev.userkit.store.jdbc.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * A data source that remembers the SQL of every statement prepared through it, so that a test can
 * EXPLAIN exactly what a store sends instead of a hand-written copy that could drift from it; and
 * every call that can cost a trip to the server ({@link #roundTrips()}), so that a test can hold a
 * store operation to a budget of round trips.
 */
public final class StatementRecorder {
    // connection calls that talk to the server on some driver, as they appear in the record
    private static final Map<String, String> CONNECTION_TRIPS = Map.of("commit", "COMMIT", "rollback", "ROLLBACK",
            "setSavepoint", "SAVEPOINT", "releaseSavepoint", "RELEASE SAVEPOINT");
    private final List<String> prepared = new CopyOnWriteArrayList<>();
    private final List<String> trips = new CopyOnWriteArrayList<>();
    private final DataSource dataSource;

    /**
     * Records what is prepared and sent through {@link #dataSource()}, which delegates to {@code target}.
     *
     * @param target the data source that does the work
     */
    public StatementRecorder(DataSource target) {
        this.dataSource = proxy(DataSource.class, target, (t, method, args) -> {
            Object result = invoke(method, t, args);
            return result instanceof Connection c ? recording(c) : result;
        });
    }

    /**
     * The recording data source.
     *
     * @return the data source to build stores over
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * The SQL prepared so far, oldest first.
     *
     * @return the statements' SQL
     */
    public List<String> prepared() {
        return List.copyOf(prepared);
    }

    /**
     * Every call so far that can cost a round trip, oldest first: a statement executed (as its SQL),
     * {@code COMMIT}, {@code ROLLBACK}, {@code SAVEPOINT}, {@code RELEASE SAVEPOINT}, and the switches
     * {@code AUTOCOMMIT OFF} and {@code AUTOCOMMIT ON} (a statement of their own on MariaDB's driver;
     * PostgreSQL's sends its BEGIN with the next statement). A pool's own checks are not seen.
     *
     * @return the calls, in order
     */
    public List<String> roundTrips() {
        return List.copyOf(trips);
    }

    /** Forgets what was recorded so far, so that the next calls are counted alone. */
    public void clear() {
        prepared.clear();
        trips.clear();
    }

    /**
     * The last SQL prepared that starts with {@code prefix} (ignoring case).
     *
     * @param prefix the statement's start, e.g. {@code DELETE}
     * @return the statement's SQL
     */
    public String last(String prefix) {
        for (int i = prepared.size() - 1; i >= 0; i--) {
            if (prepared.get(i).regionMatches(true, 0, prefix, 0, prefix.length())) return prepared.get(i);
        }
        throw new AssertionError("no statement starting with " + prefix + " in " + prepared);
    }

    private Connection recording(Connection connection) {
        return proxy(Connection.class, connection, (c, m, a) -> {
            String trip = CONNECTION_TRIPS.get(m.getName());
            if (trip != null) {
                trips.add(m.getName().equals("rollback") && a != null ? "ROLLBACK TO SAVEPOINT" : trip);
            } else if (m.getName().equals("setAutoCommit")) {
                trips.add((Boolean) a[0] ? "AUTOCOMMIT ON" : "AUTOCOMMIT OFF");
            }
            Object result = invoke(m, c, a);
            if (m.getName().equals("prepareStatement") && a != null && a.length > 0 && a[0] instanceof String sql) {
                prepared.add(sql);
                return executions(PreparedStatement.class, (PreparedStatement) result, sql);
            }
            return result instanceof Statement s && !(result instanceof PreparedStatement) ? executions(Statement.class, s, null) : result;
        });
    }

    // a prepared statement's executions are recorded with its SQL; a plain statement's with the SQL it is given
    private <S extends Statement> S executions(Class<S> type, S statement, String preparedSql) {
        return proxy(type, statement, (s, m, a) -> {
            if (m.getName().startsWith("execute")) {
                trips.add(preparedSql != null ? preparedSql : a != null && a.length > 0 ? String.valueOf(a[0]) : m.getName());
            }
            return invoke(m, s, a);
        });
    }

    private interface Handler<T> {
        Object handle(T target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        InvocationHandler h = (p, method, args) -> handler.handle(target, method, args);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
