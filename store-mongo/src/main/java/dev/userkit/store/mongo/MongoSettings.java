package dev.userkit.store.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import java.util.Map;
import java.util.Objects;
import org.bson.UuidRepresentation;

/**
 * Where and how the MongoDB store connects (ST3). Each field is resolved on its own, first match
 * wins: an explicit builder value, then the environment ({@value #ENV_URI}, {@value #ENV_DATABASE}),
 * then what the connection string says (its database path, {@code w=}, {@code readConcernLevel=}),
 * then the default.
 *
 * <p>Write concern defaults to {@link WriteConcern#ACKNOWLEDGED}; on a replica set use
 * {@link WriteConcern#MAJORITY} so that an acknowledged write (a consumed code, a revoked session)
 * survives a fail-over. Read concern defaults to the server's default ({@link ReadConcern#DEFAULT});
 * {@link ReadConcern#MAJORITY} pairs with majority writes. Reads always go to the primary.
 *
 * @param connectionString the resolved connection string (may hold credentials: never logged, see {@link #toString()})
 * @param database the database holding this user space's collections
 * @param writeConcern the write concern for every write
 * @param readConcern the read concern for every read
 */
public record MongoSettings(String connectionString, String database, WriteConcern writeConcern, ReadConcern readConcern) {
    /** Environment variable with the connection string. */
    public static final String ENV_URI = "USERKIT_MONGO_URI";
    /** Environment variable with the database name. */
    public static final String ENV_DATABASE = "USERKIT_MONGO_DB";
    /** Used when neither the builder nor the environment gives a connection string. */
    public static final String DEFAULT_URI = "mongodb://localhost:27017";
    /** Used when neither the builder, the environment nor the connection string names a database. */
    public static final String DEFAULT_DATABASE = "userkit";

    /** Checks that every field is set and the connection string parses. */
    public MongoSettings {
        Objects.requireNonNull(connectionString, "connectionString");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(writeConcern, "writeConcern");
        Objects.requireNonNull(readConcern, "readConcern");
        parse(connectionString);
    }

    /** A builder; nothing set means everything comes from the environment or the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Driver settings: the connection string, standard binary UUIDs, and the write and read concerns. */
    public MongoClientSettings clientSettings() {
        return MongoClientSettings.builder()
                .applyConnectionString(parse(connectionString))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .writeConcern(writeConcern)
                .readConcern(readConcern)
                .build();
    }

    /** Never shows the connection string, which may carry a password. */
    @Override
    public String toString() {
        return "MongoSettings[hosts=" + parse(connectionString).getHosts() + ", database=" + database
                + ", writeConcern=" + writeConcern + ", readConcern=" + readConcern.getLevel() + "]";
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

        private Builder() {}

        /** The connection string, e.g. {@code mongodb://user:pw@host1,host2/userkit?replicaSet=rs0&w=majority}. */
        public Builder connectionString(String value) {
            this.connectionString = value;
            return this;
        }

        /** The database (one per user space). */
        public Builder database(String value) {
            this.database = value;
            return this;
        }

        /** The write concern, e.g. {@link WriteConcern#MAJORITY} on a replica set. */
        public Builder writeConcern(WriteConcern value) {
            this.writeConcern = value;
            return this;
        }

        /** The read concern, e.g. {@link ReadConcern#MAJORITY}. */
        public Builder readConcern(ReadConcern value) {
            this.readConcern = value;
            return this;
        }

        /**
         * Resolves against the process environment.
         *
         * @throws UserKitException {@link ErrorCode#INVALID_ARGUMENT} if the connection string is malformed
         */
        public MongoSettings build() {
            return build(System.getenv());
        }

        /**
         * Resolves against the given environment (for tests and for applications with their own configuration source).
         *
         * @throws UserKitException {@link ErrorCode#INVALID_ARGUMENT} if the connection string is malformed
         */
        public MongoSettings build(Map<String, String> env) {
            String uri = first(connectionString, env.get(ENV_URI), DEFAULT_URI);
            ConnectionString parsed = parse(uri);
            return new MongoSettings(uri,
                    first(database, env.get(ENV_DATABASE), parsed.getDatabase(), DEFAULT_DATABASE),
                    first(writeConcern, parsed.getWriteConcern(), WriteConcern.ACKNOWLEDGED),
                    first(readConcern, parsed.getReadConcern(), ReadConcern.DEFAULT));
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
