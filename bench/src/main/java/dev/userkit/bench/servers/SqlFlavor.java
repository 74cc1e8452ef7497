package dev.userkit.bench.servers;

import dev.userkit.spi.SchemaMode;
import dev.userkit.spi.Stores;
import dev.userkit.store.mariadb.MariaDbSettings;
import dev.userkit.store.mariadb.MariaDbStores;
import dev.userkit.store.postgres.PostgresStores;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

/** The little SQL in which PostgreSQL and MariaDB differ for the benchmarks: user spaces, binding, plans, peer schemas. */
public enum SqlFlavor {
    /** A user space is a schema; ids are uuid, instants timestamptz. */
    POSTGRES("postgres", "ANALYZE ", "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) ", "uuid",
            "timestamptz(3)", "schema-postgresql.sql") {
        @Override
        public String createSpace(String name) {
            return "CREATE SCHEMA " + name;
        }

        @Override
        public String dropSpace(String name) {
            return "DROP SCHEMA IF EXISTS " + name + " CASCADE";
        }

        @Override
        public String spaceUrl(String serverUrl, String name) {
            return serverUrl;
        }

        @Override
        public String withBatchedInserts(String url) {
            return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        }

        @Override
        public String poolSchema(String name) {
            return name;
        }

        @Override
        public Stores open(DataSource ds, String name) {
            return PostgresStores.open(ds, name, SchemaMode.MIGRATE);
        }

        @Override
        public Stores over(DataSource ds) {
            return PostgresStores.over(ds);
        }

        @Override
        public void bindId(PreparedStatement ps, int index, UUID id) throws SQLException {
            ps.setObject(index, id);
        }

        @Override
        public void bindTime(PreparedStatement ps, int index, Instant t) throws SQLException {
            ps.setObject(index, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        }
    },
    /**
     * A user space is a database; ids are char(36), instants datetime(3) in UTC. Spring Session ships
     * no MariaDB schema: its MySQL one is what Spring Boot applies to MariaDB.
     */
    MARIADB("mariadb", "ANALYZE TABLE ", "ANALYZE FORMAT=JSON ", "char(36)", "datetime(3)", "schema-mysql.sql") {
        @Override
        public String createSpace(String name) {
            return "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin";
        }

        @Override
        public String dropSpace(String name) {
            return "DROP DATABASE IF EXISTS " + name;
        }

        @Override
        public String spaceUrl(String serverUrl, String name) {
            // the driver options of the pools UserKit opens, for UserKit, the raw baselines and Spring Session alike
            return serverUrl + name + "?" + MariaDbSettings.URL_OPTIONS;
        }

        @Override
        public String withBatchedInserts(String url) {
            return url + (url.contains("?") ? "&" : "?") + "useBulkStmts=true";
        }

        @Override
        public String poolSchema(String name) {
            return null;
        }

        @Override
        public Stores open(DataSource ds, String name) {
            return MariaDbStores.open(ds, SchemaMode.MIGRATE);
        }

        @Override
        public Stores over(DataSource ds) {
            return MariaDbStores.over(ds);
        }

        @Override
        public void bindId(PreparedStatement ps, int index, UUID id) throws SQLException {
            ps.setString(index, id.toString());
        }

        @Override
        public void bindTime(PreparedStatement ps, int index, Instant t) throws SQLException {
            ps.setObject(index, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
        }

    };

    private final String key;
    private final String analyze;
    private final String explainRun;
    private final String idType;
    private final String timeType;
    private final String springSessionSchema;

    SqlFlavor(String key, String analyze, String explainRun, String idType, String timeType, String springSessionSchema) {
        this.key = key;
        this.analyze = analyze;
        this.explainRun = explainRun;
        this.idType = idType;
        this.timeType = timeType;
        this.springSessionSchema = "org/springframework/session/jdbc/" + springSessionSchema;
    }

    /** @return the short name used in options and file names */
    public String key() {
        return key;
    }

    /**
     * @param name the new user space's name
     * @return the statement, run as the server's admin, that creates it
     */
    public abstract String createSpace(String name);

    /**
     * @param name the user space's name
     * @return the statement that drops it with everything in it
     */
    public abstract String dropSpace(String name);

    /**
     * @param serverUrl the server's JDBC URL (MariaDB: ending in '/')
     * @param name the user space
     * @return the JDBC URL whose connections work in that space
     */
    public abstract String spaceUrl(String serverUrl, String name);

    /**
     * @param url a JDBC URL of this database
     * @return the same URL with the driver's option that sends a batch of inserts as one statement
     */
    public abstract String withBatchedInserts(String url);

    /**
     * @param name the user space
     * @return the schema a pool's connections start in, or null for the URL's database
     */
    public abstract String poolSchema(String name);

    /**
     * @param ds a pool over the user space
     * @param name the user space
     * @return the stores, after migrating the space to the current schema
     */
    public abstract Stores open(DataSource ds, String name);

    /**
     * @param ds a pool over a user space whose schema is current
     * @return the stores over it
     */
    public abstract Stores over(DataSource ds);

    /**
     * @param ps the statement
     * @param index the parameter's index
     * @param id the id to bind as the store's id column type
     * @throws SQLException as the driver does
     */
    public abstract void bindId(PreparedStatement ps, int index, UUID id) throws SQLException;

    /**
     * @param ps the statement
     * @param index the parameter's index
     * @param t the instant to bind as the store's time column type
     * @throws SQLException as the driver does
     */
    public abstract void bindTime(PreparedStatement ps, int index, Instant t) throws SQLException;

    /**
     * @param table the table
     * @return the statement that refreshes its planner statistics
     */
    public String analyzeTable(String table) {
        return analyze + table;
    }

    /** @return the prefix that runs a statement and returns its plan with actual row counts */
    public String explainRun() {
        return explainRun;
    }

    /** @return the column type of the stores' ids */
    public String idType() {
        return idType;
    }

    /** @return the column type of the stores' instants */
    public String timeType() {
        return timeType;
    }

    /** @return the class-path resource of Spring Session JDBC's schema for this database */
    public String springSessionSchema() {
        return springSessionSchema;
    }
}
