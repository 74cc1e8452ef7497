package dev.userkit.store.jdbc.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * A data source that remembers the SQL of every statement prepared through it, so that a test can
 * EXPLAIN exactly what a store sends instead of a hand-written copy that could drift from it.
 */
public final class StatementRecorder {
    private final List<String> prepared = new CopyOnWriteArrayList<>();
    private final DataSource dataSource;

    /** Records what is prepared through {@link #dataSource()}, which delegates to {@code target}. */
    public StatementRecorder(DataSource target) {
        this.dataSource = proxy(DataSource.class, target, (t, method, args) -> {
            Object result = invoke(method, t, args);
            return result instanceof Connection c ? proxy(Connection.class, c, (conn, m, a) -> {
                if (m.getName().equals("prepareStatement") && a != null && a.length > 0 && a[0] instanceof String sql) {
                    prepared.add(sql);
                }
                return invoke(m, conn, a);
            }) : result;
        });
    }

    /** The recording data source. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The SQL prepared so far, oldest first. */
    public List<String> prepared() {
        return List.copyOf(prepared);
    }

    /** The last SQL prepared that starts with {@code prefix} (ignoring case). */
    public String last(String prefix) {
        for (int i = prepared.size() - 1; i >= 0; i--) {
            if (prepared.get(i).regionMatches(true, 0, prefix, 0, prefix.length())) return prepared.get(i);
        }
        throw new AssertionError("no statement starting with " + prefix + " in " + prepared);
    }

    private interface Handler<T> {
        Object handle(T target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        InvocationHandler h = (p, method, args) -> handler.handle(target, method, args);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
