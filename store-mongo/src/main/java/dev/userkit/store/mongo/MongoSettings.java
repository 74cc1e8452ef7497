package dev.userkit.store.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.config.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.bson.UuidRepresentation;

/**
 * Where and how the MongoDB store connects (ST3). Each field is resolved on its own, first match
 * wins: an explicit builder value, then the settings ({@value #ENV_URI}, {@value #ENV_DATABASE},
 * {@value #ENV_SERVER_SELECTION_TIMEOUT_MS} from the environment, then a properties file; see
 * {@link Settings}), then what the connection string says (its database
 * path, {@code w=}, {@code readConcernLevel=}, {@code serverSelectionTimeoutMS=}), then the default.
 *
 * <p>Write concern defaults to {@link WriteConcern#ACKNOWLEDGED}; on a replica set use
 * {@link WriteConcern#MAJORITY} so that an acknowledged write (a consumed code, a revoked session)
 * survives a fail-over. Read concern defaults to the server's default ({@link ReadConcern#DEFAULT});
 * {@link ReadConcern#MAJORITY} pairs with majority writes. Reads always go to the primary.
 *
 * <p>The server selection timeout is how long a call waits for a usable server (the primary)
 * before it fails with a StoreException (REL-4). The driver's own default is 30 s, which would
 * hold a web request, and its thread, for half a minute while the database is down; this store's
 * default, {@link #DEFAULT_SERVER_SELECTION_TIMEOUT} (2 s), fails the request fast instead. It still
 * leaves room for what selecting a server normally takes: connecting and a TLS handshake to a
 * remote cluster, a few hundred milliseconds. A replica-set election (about 10 s) then fails
 * calls rather than queueing them; choose a longer timeout if waiting out an election matters more.
 *
 * @param connectionString the resolved connection string (may hold credentials: never logged, see {@link #toString()})
 * @param database the database holding this user space's collections
 * @param writeConcern the write concern for every write
 * @param readConcern the read concern for every read
 * @param serverSelectionTimeout how long a call waits for a usable server before failing (positive)
 */
public record MongoSettings(String connectionString, String database, WriteConcern writeConcern, ReadConcern readConcern,
                            Duration serverSelectionTimeout) {
    /** Environment variable with the connection string. */
    public static final String ENV_URI = "USERKIT_MONGO_URI";
    /** Environment variable with the database name. */
    public static final String ENV_DATABASE = "USERKIT_MONGO_DB";
    /** Used when neither the builder nor the environment gives a connection string. */
    public static final String DEFAULT_URI = "mongodb://localhost:27017";
    /** Used when neither the builder, the environment nor the connection string names a database. */
    public static final String DEFAULT_DATABASE = "userkit";
    /** Environment variable with the server selection timeout in milliseconds. */
    public static final String ENV_SERVER_SELECTION_TIMEOUT_MS = "USERKIT_MONGO_SERVER_SELECTION_TIMEOUT_MS";
    /** Used when neither the builder, the environment nor the connection string sets a server selection timeout. */
    public static final Duration DEFAULT_SERVER_SELECTION_TIMEOUT = Duration.ofSeconds(2);

    /**
     * Checks that every field is set and the connection string parses.
     *
     * @param connectionString see {@link #connectionString()}
     * @param database see {@link #database()}
     * @param writeConcern see {@link #writeConcern()}
     * @param readConcern see {@link #readConcern()}
     * @param serverSelectionTimeout see {@link #serverSelectionTimeout()}
     */
    public MongoSettings {
        Objects.requireNonNull(connectionString, "connectionString");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(writeConcern, "writeConcern");
        Objects.requireNonNull(readConcern, "readConcern");
        Objects.requireNonNull(serverSelectionTimeout, "serverSelectionTimeout");
        // zero would mean "fail at once" to the driver, negative "wait for ever"
        if (serverSelectionTimeout.isNegative() || serverSelectionTimeout.isZero()) {
            throw new IllegalArgumentException("serverSelectionTimeout must be positive");
        }
        parse(connectionString);
    }

    /**
     * A builder; nothing set means everything comes from the environment or the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Driver settings: the connection string, standard binary UUIDs, the write and read concerns and the server selection timeout.
     *
     * @return the settings to create a client with
     */
    public MongoClientSettings clientSettings() {
        return MongoClientSettings.builder()
                .applyConnectionString(parse(connectionString))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .writeConcern(writeConcern)
                .readConcern(readConcern)
                .applyToClusterSettings(c -> c.serverSelectionTimeout(serverSelectionTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .build();
    }

    /** Never shows the connection string, which may carry a password. */
    @Override
    public String toString() {
        return "MongoSettings[hosts=" + parse(connectionString).getHosts() + ", database=" + database
                + ", writeConcern=" + writeConcern + ", readConcern=" + readConcern.getLevel()
                + ", serverSelectionTimeout=" + serverSelectionTimeout + "]";
    }

    private static ConnectionString parse(String text) {
        try {
            return new ConnectionString(text);
        } catch (IllegalArgumentException e) {
            // the driver's message may quote the string, credentials included
            throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "Malformed MongoDB connection string");
        }
    }

    /** Collects explicit values; {@link #build()} fills the rest from the environment and the connection string. */
    public static final class Builder {
        private String connectionString;
        private String database;
        private WriteConcern writeConcern;
        private ReadConcern readConcern;
        private Duration serverSelectionTimeout;

        private Builder() {}

        /**
         * The connection string, e.g. {@code mongodb://user:pw@host1,host2/userkit?replicaSet=rs0&w=majority}.
         *
         * @param value the connection string
         * @return this builder
         */
        public Builder connectionString(String value) {
            this.connectionString = value;
            return this;
        }

        /**
         * The database (one per user space).
         *
         * @param value the database's name
         * @return this builder
         */
        public Builder database(String value) {
            this.database = value;
            return this;
        }

        /**
         * The write concern, e.g. {@link WriteConcern#MAJORITY} on a replica set.
         *
         * @param value the write concern
         * @return this builder
         */
        public Builder writeConcern(WriteConcern value) {
            this.writeConcern = value;
            return this;
        }

        /**
         * The read concern, e.g. {@link ReadConcern#MAJORITY}.
         *
         * @param value the read concern
         * @return this builder
         */
        public Builder readConcern(ReadConcern value) {
            this.readConcern = value;
            return this;
        }

        /**
         * How long a call waits for a usable server before failing; see {@link MongoSettings}.
         *
         * @param value the timeout, positive
         * @return this builder
         */
        public Builder serverSelectionTimeout(Duration value) {
            this.serverSelectionTimeout = value;
            return this;
        }

        /**
         * Resolves against {@link Settings#standard()}: the environment, then the properties file
         * named by {@code USERKIT_CONFIG_FILE}.
         *
         * @return the resolved settings
         * @throws UserKitException {@link ErrorCode#INVALID_ARGUMENT} if the connection string is malformed
         */
        public MongoSettings build() {
            return build(Settings.standard());
        }

        /**
         * Resolves against the given environment (for tests and for applications with their own configuration source).
         *
         * @param env the environment variables
         * @return the resolved settings
         * @throws UserKitException {@link ErrorCode#INVALID_ARGUMENT} if the connection string is malformed
         */
        public MongoSettings build(Map<String, String> env) {
            return build(Settings.of(env));
        }

        /**
         * Resolves against {@code settings}.
         *
         * @param settings where the {@code USERKIT_MONGO_*} values not set on the builder are read from
         * @return the resolved settings
         * @throws UserKitException {@link ErrorCode#INVALID_ARGUMENT} if the connection string is malformed;
         *                          {@link dev.userkit.config.ConfigException} naming the variable if
         *                          {@value MongoSettings#ENV_SERVER_SELECTION_TIMEOUT_MS} is not a whole number
         * @throws IllegalArgumentException if a timeout is not positive
         */
        public MongoSettings build(Settings settings) {
            String uri = first(connectionString, settings.string(ENV_URI).orElse(null), DEFAULT_URI);
            ConnectionString parsed = parse(uri);
            Integer fromUri = parsed.getServerSelectionTimeout();
            return new MongoSettings(uri,
                    first(database, settings.string(ENV_DATABASE).orElse(null), parsed.getDatabase(), DEFAULT_DATABASE),
                    first(writeConcern, parsed.getWriteConcern(), WriteConcern.ACKNOWLEDGED),
                    first(readConcern, parsed.getReadConcern(), ReadConcern.DEFAULT),
                    first(serverSelectionTimeout, settings.millis(ENV_SERVER_SELECTION_TIMEOUT_MS).orElse(null),
                            fromUri == null ? null : Duration.ofMillis(fromUri), DEFAULT_SERVER_SELECTION_TIMEOUT));
        }

        @SafeVarargs
        private static <T> T first(T... candidates) {
            for (T c : candidates) {
                if (c instanceof String s ? !s.isBlank() : c != null) return c;
            }
            throw new IllegalStateException("no default");
        }
    }
}
