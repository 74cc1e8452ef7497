package dev.userkit.store.jdbc;

import dev.userkit.StoreException;
import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.UnknownUserException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Runs parameterised statements on a pooled {@link DataSource}. A unit of work binds one
 * connection and transaction to the calling thread; every statement on that thread uses it, and
 * nested units join it. Outside a unit of work each call borrows a connection in auto-commit
 * mode. Unique violations become {@link DuplicateKeyException}, a row naming a user that does not
 * exist {@link UnknownUserException}, every other SQL fault a {@link StoreException} with its cause.
 */
final class Jdbc {
    /** How the migrations name the foreign keys from sessions, codes, grants and devices to users. */
    private static final String USER_FOREIGN_KEY_SUFFIX = "_user_fk";
    /** Runs of a unit of work, the first included, when the server keeps choosing it as a deadlock victim. */
    static final int TRANSACTION_TRIES = 5;

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();
    private final ColumnIndex.Cache columns = new ColumnIndex.Cache();

    Jdbc(DataSource dataSource, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    SqlDialect dialect() {
        return dialect;
    }

    /** The rows of {@code rs}, the result of {@code sql}. */
    Row row(String sql, ResultSet rs) throws SQLException {
        return new Row(rs, dialect, columns.of(sql, rs));
    }

    /** Work on a connection that may throw SQLException. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in the thread's transaction, or in a new one committed on return and rolled
     * back on any exception. A new transaction (or a statement outside one) that the server chose
     * as a deadlock or serialization victim is rolled back and run again (at most {@link #TRANSACTION_TRIES} times in all): both
     * servers ask for exactly that, and the work is only store calls, undone by the rollback.
     */
    <T> T unitOfWork(Supplier<T> work) {
        if (bound.get() != null) return work.get();
        return retryingVictims(() -> transaction(work));
    }

    private static <T> T retryingVictims(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (StoreException e) {
                if (attempt >= TRANSACTION_TRIES || !isTransactionRollback(e)) throw e;
                pauseBeforeRetry(attempt);
            }
        }
    }

    private <T> T transaction(Supplier<T> work) {
        Connection c = borrow();
        try {
            c.setAutoCommit(false);
            bound.set(c);
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            }
            c.commit();
            return result;
        } catch (SQLException e) {
            rollbackQuietly(c, e);
            throw translate(e, "transaction");
        } finally {
            bound.remove();
            release(c);
        }
    }

    // SQLState 40001 (serialization failure; MariaDB's deadlock too) and 40P01 (PostgreSQL's deadlock)
    private static boolean isTransactionRollback(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    // a short, growing, jittered pause, so that the two victims of one deadlock do not meet again
    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted before retrying a transaction", e);
        }
    }

    /** Runs several statements atomically: in the bound transaction, or in a short one of their own. */
    <T> T atomically(Work<T> work) {
        return unitOfWork(() -> withConnection(work, true, "statement"));
    }

    int update(String sql, SqlFragment.Binding binding, String what) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Params params = new Params(ps, dialect);
                binding.bind(params);
                // an insert of an unstorable value still runs, so that it fails loudly
                if (params.unmatchable() && !sql.startsWith("INSERT")) return 0;
                return ps.executeUpdate();
            }
        }, mayViolateKey(sql), what);
    }

    <T> List<T> query(String sql, SqlFragment.Binding binding, Row.Mapper<T> mapper, String what) {
        return read(sql, binding, rows -> {
            List<T> out = new ArrayList<>();
            while (rows.next()) out.add(mapper.map(rows));
            return out;
        }, what);
    }

    /** Runs one query and hands its whole result to {@code reader} (no rows if a parameter can match nothing). */
    <T> T read(String sql, SqlFragment.Binding binding, Row.Reader<T> reader, String what) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Params params = new Params(ps, dialect);
                binding.bind(params);
                if (params.unmatchable()) return reader.read(Row.none(dialect));
                try (ResultSet rs = ps.executeQuery()) {
                    return reader.read(row(sql, rs));
                }
            }
        }, mayViolateKey(sql), what);
    }

    <T> Optional<T> queryOne(String sql, SqlFragment.Binding binding, Row.Mapper<T> mapper, String what) {
        List<T> rows = query(sql, binding, mapper, what);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private <T> T withConnection(Work<T> work, boolean mayViolateKey, String what) {
        Connection bc = bound.get();
        if (bc != null) return inBoundTransaction(bc, work, mayViolateKey, what);
        // a statement in auto-commit mode is a transaction of its own, and may be a victim as well
        return retryingVictims(() -> {
            Connection c = borrow();
            try {
                return work.run(c);
            } catch (SQLException e) {
                throw translate(e, what);
            } finally {
                release(c);
            }
        });
    }

    /**
     * Whether a statement can be refused for a key (a duplicate, a missing user) that a service
     * catches and answers with a domain code: any write but a DELETE, whose foreign keys all cascade.
     * A read or a DELETE can only fail in ways that end the whole unit of work.
     */
    private static boolean mayViolateKey(String sql) {
        return !(sql.regionMatches(true, 0, "SELECT", 0, 6) || sql.regionMatches(true, 0, "DELETE", 0, 6));
    }

    // On PostgreSQL a failed statement aborts the transaction; a savepoint keeps a duplicate the
    // service catches (and answers with a domain code) from spoiling the rest of its unit of work.
    // It costs two round trips, so a statement that cannot be refused for a key goes without.
    private <T> T inBoundTransaction(Connection c, Work<T> work, boolean mayViolateKey, String what) {
        Savepoint sp = null;
        try {
            if (mayViolateKey && dialect.failedStatementAbortsTransaction()) sp = c.setSavepoint();
            T result = work.run(c);
            if (sp != null) c.releaseSavepoint(sp);
            return result;
        } catch (SQLException e) {
            if (sp != null) {
                try {
                    c.rollback(sp);
                } catch (SQLException inner) {
                    e.addSuppressed(inner);
                }
            }
            throw translate(e, what);
        }
    }

    private Connection borrow() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new StoreException("Cannot get a database connection", e);
        }
    }

    private static void release(Connection c) {
        try {
            if (!c.getAutoCommit()) c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a broken connection: closing it below hands it back to the pool, which evicts it
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing left to do with a connection that cannot even close
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private RuntimeException translate(SQLException e, String what) {
        if (dialect.isUniqueViolation(e)) {
            // the domain exception carries no cause by design: the key name is all callers may see
            return new DuplicateKeyException(what);
        }
        // both servers name the violated constraint in the message, whatever its language
        if (dialect.isForeignKeyViolation(e) && String.valueOf(e.getMessage()).contains(USER_FOREIGN_KEY_SUFFIX)) {
            return new UnknownUserException(what, e);
        }
        return new StoreException("Database call failed: " + what, e);
    }
}
