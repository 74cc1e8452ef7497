package dev.userkit.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.config.ConfigException;
import dev.userkit.config.Settings;
import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.UuidRepresentation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ST3: explicit values beat the environment, which beats the connection string, field by field. */
class MongoSettingsTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @Test
    @DisplayName("ST3 with nothing given, the defaults apply: localhost, database userkit, acknowledged writes, server read concern")
    void defaults() {
        MongoSettings s = MongoSettings.builder().build(NO_ENV);
        assertThat(s.connectionString()).isEqualTo(MongoSettings.DEFAULT_URI);
        assertThat(s.database()).isEqualTo(MongoSettings.DEFAULT_DATABASE);
        assertThat(s.writeConcern()).isEqualTo(WriteConcern.ACKNOWLEDGED);
        assertThat(s.readConcern()).isEqualTo(ReadConcern.DEFAULT);
    }

    @Test
    @DisplayName("ST3 the connection string supplies database, write concern and read concern when nothing else does")
    void connectionStringIsTheLastSource() {
        MongoSettings s = MongoSettings.builder()
                .connectionString("mongodb://h1,h2/accounts?replicaSet=rs0&w=majority&readConcernLevel=majority").build(NO_ENV);
        assertThat(s.database()).isEqualTo("accounts");
        assertThat(s.writeConcern()).isEqualTo(WriteConcern.MAJORITY);
        assertThat(s.readConcern()).isEqualTo(ReadConcern.MAJORITY);
    }

    @Test
    @DisplayName("ST3 the environment beats the connection string: USERKIT_MONGO_URI and USERKIT_MONGO_DB")
    void environmentBeatsConnectionString() {
        Map<String, String> env = Map.of(MongoSettings.ENV_URI, "mongodb://envhost/fromuri", MongoSettings.ENV_DATABASE, "fromenv");
        MongoSettings s = MongoSettings.builder().build(env);
        assertThat(s.connectionString()).isEqualTo("mongodb://envhost/fromuri");
        assertThat(s.database()).isEqualTo("fromenv");

        MongoSettings onlyUri = MongoSettings.builder().build(Map.of(MongoSettings.ENV_URI, "mongodb://envhost/fromuri"));
        assertThat(onlyUri.database()).isEqualTo("fromuri");
    }

    @Test
    @DisplayName("ST3 explicit values beat the environment, each field on its own")
    void explicitBeatsEnvironment() {
        Map<String, String> env = Map.of(MongoSettings.ENV_URI, "mongodb://envhost/x?w=1", MongoSettings.ENV_DATABASE, "fromenv");
        MongoSettings s = MongoSettings.builder().connectionString("mongodb://mine/y?w=majority").database("mine")
                .writeConcern(WriteConcern.W2).readConcern(ReadConcern.LOCAL).build(env);
        assertThat(s.connectionString()).isEqualTo("mongodb://mine/y?w=majority");
        assertThat(s.database()).isEqualTo("mine");
        assertThat(s.writeConcern()).isEqualTo(WriteConcern.W2);
        assertThat(s.readConcern()).isEqualTo(ReadConcern.LOCAL);

        MongoSettings mixed = MongoSettings.builder().writeConcern(WriteConcern.MAJORITY).build(env);
        assertThat(mixed.connectionString()).isEqualTo("mongodb://envhost/x?w=1");
        assertThat(mixed.database()).isEqualTo("fromenv");
        assertThat(mixed.writeConcern()).isEqualTo(WriteConcern.MAJORITY);
    }

    @Test
    @DisplayName("ST3 client settings carry standard UUIDs and the chosen concerns")
    void clientSettings() {
        MongoSettings s = MongoSettings.builder().writeConcern(WriteConcern.MAJORITY).readConcern(ReadConcern.MAJORITY).build(NO_ENV);
        assertThat(s.clientSettings().getUuidRepresentation()).isEqualTo(UuidRepresentation.STANDARD);
        assertThat(s.clientSettings().getWriteConcern()).isEqualTo(WriteConcern.MAJORITY);
        assertThat(s.clientSettings().getReadConcern()).isEqualTo(ReadConcern.MAJORITY);
    }

    @Test
    @DisplayName("REL-4 the server selection timeout defaults to 2 s, not the driver's 30 s, and reaches the client settings")
    void serverSelectionTimeoutDefault() {
        MongoSettings s = MongoSettings.builder().build(NO_ENV);
        assertThat(s.serverSelectionTimeout()).isEqualTo(MongoSettings.DEFAULT_SERVER_SELECTION_TIMEOUT).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.clientSettings().getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2_000);
    }

    @Test
    @DisplayName("ST3 server selection timeout: explicit beats USERKIT_MONGO_SERVER_SELECTION_TIMEOUT_MS, which beats serverSelectionTimeoutMS")
    void serverSelectionTimeoutPrecedence() {
        String uri = "mongodb://h/db?serverSelectionTimeoutMS=700";
        assertThat(MongoSettings.builder().connectionString(uri).build(NO_ENV).serverSelectionTimeout()).isEqualTo(Duration.ofMillis(700));
        Map<String, String> env = Map.of(MongoSettings.ENV_SERVER_SELECTION_TIMEOUT_MS, "1500");
        assertThat(MongoSettings.builder().connectionString(uri).build(env).serverSelectionTimeout()).isEqualTo(Duration.ofMillis(1500));
        MongoSettings explicit = MongoSettings.builder().connectionString(uri).serverSelectionTimeout(Duration.ofMillis(300)).build(env);
        assertThat(explicit.serverSelectionTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(explicit.clientSettings().getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(300);
    }

    @Test
    @DisplayName("ST3 a server selection timeout that is not a positive number of milliseconds is refused, naming the setting")
    void serverSelectionTimeoutChecked() {
        assertThatThrownBy(() -> MongoSettings.builder().build(Map.of(MongoSettings.ENV_SERVER_SELECTION_TIMEOUT_MS, "2s")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(MongoSettings.ENV_SERVER_SELECTION_TIMEOUT_MS);
        assertThatThrownBy(() -> MongoSettings.builder().serverSelectionTimeout(Duration.ZERO).build(NO_ENV))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serverSelectionTimeout");
    }

    @Test
    @DisplayName("ST3 a malformed connection string is 1010 and its text (with any password) is not echoed")
    void malformedConnectionString() {
        assertThatThrownBy(() -> MongoSettings.builder().connectionString("postgres://u:s3cret@h/db").build(NO_ENV))
                .isInstanceOfSatisfying(UserKitException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).doesNotContain("s3cret");
                });
    }

    @Test
    @DisplayName("ST3 settings never show the password of the connection string")
    void toStringHidesCredentials() {
        MongoSettings s = MongoSettings.builder().connectionString("mongodb://app:s3cret@db1:27017/users").build(NO_ENV);
        assertThat(s.toString()).doesNotContain("s3cret").contains("db1:27017").contains("users");
    }

    @Test
    @DisplayName("ST3 explicit > environment > properties file > connection string > default")
    void propertiesFile() {
        Settings file = Settings.properties(new StringReader(String.join("\n",
                "userkit.mongo.uri=mongodb://file-host/file_db?serverSelectionTimeoutMS=700", "userkit.mongo.db=file_db2",
                "userkit.mongo.server.selection.timeout.ms=800")), "userkit.properties");
        Settings settings = Settings.of(Map.of(MongoSettings.ENV_DATABASE, "env_db")).orElse(file);

        MongoSettings s = MongoSettings.builder().serverSelectionTimeout(Duration.ofMillis(900)).build(settings);

        assertThat(s.connectionString()).isEqualTo("mongodb://file-host/file_db?serverSelectionTimeoutMS=700");
        assertThat(s.database()).isEqualTo("env_db");
        assertThat(s.serverSelectionTimeout()).isEqualTo(Duration.ofMillis(900));
        assertThat(MongoSettings.builder().build(file).serverSelectionTimeout())
                .isEqualTo(Duration.ofMillis(800));
    }
}
