package dev.userkit.store.jdbc;

import dev.userkit.StoreException;
import dev.userkit.spi.SchemaMode;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Applies a store's versioned SQL migrations with Flyway, keeping its history in
 * {@value #HISTORY_TABLE} so that it never touches an application's own Flyway history.
 */
public final class SchemaMigrations {
    /** The history table of UserKit's migrations. */
    public static final String HISTORY_TABLE = "userkit_schema_history";
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

    private final String location;
    private final String schema;

    /**
     * @param location classpath folder of the migrations, e.g. {@code db/userkit/postgres}
     * @param schema the schema (PostgreSQL) to create and use, or null for the connection's default
     */
    public SchemaMigrations(String location, String schema) {
        this.location = location;
        this.schema = schema;
    }

    /**
     * Does what the mode says: migrate, validate (StoreException if not current) or nothing.
     *
     * @param dataSource the database to work on
     * @param mode what to do
     */
    public void apply(DataSource dataSource, SchemaMode mode) {
        switch (mode) {
            case MIGRATE -> migrate(dataSource, null);
            case VALIDATE -> validate(dataSource);
            case NONE -> { }
        }
    }

    /**
     * Applies pending migrations up to {@code targetVersion} (null: the latest) and returns how
     * many ran. Up to the latest, it then fills the username skeletons of rows stored before V5
     * (SEC-23), which only Java can compute; that step is idempotent too.
     *
     * @param dataSource the database to migrate
     * @param targetVersion the last version to apply, or null for the latest
     * @return how many migrations ran
     */
    public int migrate(DataSource dataSource, String targetVersion) {
        int executed;
        try {
            FluentConfiguration cfg = configure(dataSource);
            if (targetVersion != null) cfg.target(targetVersion);
            executed = cfg.load().migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new StoreException("Schema migration failed", e);
        }
        if (targetVersion == null) UsernameSkeletonBackfill.run(dataSource);
        return executed;
    }

    /**
     * Fails with a StoreException unless every migration is applied and unchanged.
     *
     * @param dataSource the database to check
     */
    public void validate(DataSource dataSource) {
        try {
            configure(dataSource).load().validate();
        } catch (FlywayException e) {
            throw new StoreException("Schema is not current; migrate it or apply the exported SQL", e);
        }
    }

    /**
     * The version of the newest migration applied here, or {@code "none"} when none is (a new
     * schema in mode NONE), for the start-up log line.
     *
     * @param dataSource where the history is
     * @return the version, e.g. {@code 5}
     * @throws StoreException if the history cannot be read
     */
    public String currentVersion(DataSource dataSource) {
        try {
            MigrationInfo current = configure(dataSource).load().info().current();
            return current == null ? "none" : current.getVersion().getVersion();
        } catch (FlywayException e) {
            throw new StoreException("Cannot read the schema history", e);
        }
    }

    /**
     * Every migration's SQL in version order, each introduced by a comment naming its file, for a DBA to apply.
     *
     * @return the migrations' SQL as one script
     */
    public String exportSql() {
        StringBuilder out = new StringBuilder();
        for (String name : migrationNames()) {
            out.append("-- ").append(location).append('/').append(name).append('\n');
            out.append(read(location + "/" + name)).append('\n');
        }
        return out.toString();
    }

    /**
     * The migration file names in version order.
     *
     * @return the file names
     */
    public List<String> migrationNames() {
        List<String> names = new ArrayList<>();
        URL url = SchemaMigrations.class.getClassLoader().getResource(location);
        if (url == null) throw new StoreException("No migrations at " + location);
        try {
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection conn = (JarURLConnection) url.openConnection();
                conn.setUseCaches(false);
                try (JarFile jar = conn.getJarFile()) {
                    jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(location + "/"))
                            .map(n -> n.substring(location.length() + 1)).forEach(names::add);
                }
            } else {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    files.map(f -> f.getFileName().toString()).forEach(names::add);
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new StoreException("Cannot list migrations at " + location, e);
        }
        return names.stream().filter(n -> VERSIONED.matcher(n).matches())
                .sorted(Comparator.comparingInt(SchemaMigrations::version)).toList();
    }

    private static int version(String name) {
        Matcher m = VERSIONED.matcher(name);
        if (!m.matches()) throw new IllegalArgumentException(name);
        return Integer.parseInt(m.group(1));
    }

    private static String read(String resource) {
        try (InputStream in = SchemaMigrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new StoreException("Missing migration " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("Cannot read migration " + resource, e);
        }
    }

    private FluentConfiguration configure(DataSource dataSource) {
        FluentConfiguration cfg = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:" + location)
                .table(HISTORY_TABLE)
                // an application's own tables may already live here: start our history beside them
                .baselineOnMigrate(false)
                .validateMigrationNaming(true);
        if (schema != null) cfg.schemas(schema).defaultSchema(schema);
        return cfg;
    }
}
