package dev.userkit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every source of {@link Settings}, their order in a chain, the typed getters and their error messages. */
class SettingsTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a map is keyed by environment names; blank counts as absent, values are stripped")
    void mapSource() {
        Settings s = Settings.of(Map.of("USERKIT_A", "  x  ", "USERKIT_B", "   "));
        assertThat(s.string("USERKIT_A")).contains("x");
        assertThat(s.string("USERKIT_B")).isEmpty();
        assertThat(s.string("USERKIT_C")).isEmpty();
        assertThat(Settings.empty().string("USERKIT_A")).isEmpty();
    }

    @Test
    @DisplayName("the environment source reads System.getenv()")
    void environmentSource() {
        Map.Entry<String, String> any = System.getenv().entrySet().stream().filter(e -> !e.getValue().isBlank()).findFirst().orElseThrow();
        assertThat(Settings.environment().string(any.getKey())).contains(any.getValue().strip());
    }

    @Test
    @DisplayName("a properties file writes each name in lower case with dots: USERKIT_SESSION_IDLE_TTL is userkit.session.idle.ttl")
    void propertiesFile() throws IOException {
        Path file = write("userkit.session.idle.ttl = 30m\nuserkit.pg.host=db.example\n");
        Settings s = Settings.properties(file);
        assertThat(s.duration("USERKIT_SESSION_IDLE_TTL")).contains(Duration.ofMinutes(30));
        assertThat(s.string("USERKIT_PG_HOST")).contains("db.example");
        assertThat(Settings.propertyKey("USERKIT_PG_CONNECTION_TIMEOUT_MS")).isEqualTo("userkit.pg.connection.timeout.ms");
    }

    @Test
    @DisplayName("a properties file holding an environment-style key is refused, not silently ignored")
    void environmentKeyInFileRefused() throws IOException {
        Path file = write("USERKIT_SESSION_IDLE_TTL=30m\n");
        assertThatThrownBy(() -> Settings.properties(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("USERKIT_SESSION_IDLE_TTL").hasMessageContaining("userkit.session.idle.ttl");
    }

    @Test
    @DisplayName("an unreadable properties file is a ConfigException naming the file")
    void missingFile() {
        Path missing = dir.resolve("nope.properties");
        assertThatThrownBy(() -> Settings.properties(missing)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(missing.toString())
                .satisfies(e -> assertThat(((ConfigException) e).setting()).isEqualTo(Settings.CONFIG_FILE));
    }

    @Test
    @DisplayName("in a chain the first source with a value wins, field by field")
    void chainOrder() {
        Settings s = Settings.of(Map.of("USERKIT_A", "first")).orElse(Settings.of(Map.of("USERKIT_A", "second", "USERKIT_B", "second")));
        assertThat(s.string("USERKIT_A")).contains("first");
        assertThat(s.string("USERKIT_B")).contains("second");
    }

    @Test
    @DisplayName("USERKIT_CONFIG_FILE adds the file it names after the chain; no name, no file")
    void configFileNamedByTheChain() throws IOException {
        Path file = write("userkit.a=from-file\nuserkit.b=from-file\n");
        Settings s = Settings.of(Map.of(Settings.CONFIG_FILE, file.toString(), "USERKIT_A", "from-env")).thenConfigFile();
        assertThat(s.string("USERKIT_A")).contains("from-env");
        assertThat(s.string("USERKIT_B")).contains("from-file");
        assertThat(Settings.of(Map.of()).thenConfigFile().string("USERKIT_B")).isEmpty();
    }

    @ParameterizedTest(name = "{0} is {1} ms")
    @CsvSource({"1500ms,1500", "10s,10000", "30m,1800000", "2h,7200000", "7d,604800000", "PT30M,1800000", "P1DT1H,90000000", "pt1s,1000"})
    @DisplayName("durations: ISO-8601 or a whole number with ms, s, m, h or d")
    void durations(String text, long millis) {
        assertThat(Settings.of(Map.of("USERKIT_T", text)).duration("USERKIT_T")).contains(Duration.of(millis, ChronoUnit.MILLIS));
    }

    @Test
    @DisplayName("integers, milliseconds, booleans and choices")
    void typedGetters() {
        Settings s = Settings.of(Map.of("USERKIT_N", "42", "USERKIT_MS", "250", "USERKIT_ON", "TRUE", "USERKIT_OFF", "false",
                "USERKIT_UNIT", "minutes"));
        assertThat(s.integer("USERKIT_N")).contains(42);
        assertThat(s.millis("USERKIT_MS")).contains(Duration.ofMillis(250));
        assertThat(s.bool("USERKIT_ON")).contains(true);
        assertThat(s.bool("USERKIT_OFF")).contains(false);
        assertThat(s.choice("USERKIT_UNIT", ChronoUnit.class)).contains(ChronoUnit.MINUTES);
        assertThat(s.integer("USERKIT_ABSENT")).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"duration,abc", "duration,30", "duration,30 min", "duration,PTx", "integer,4.5", "integer,99999999999",
            "bool,yes", "millis,1s", "choice,fortnights"})
    @DisplayName("a bad value is a ConfigException (1015) naming the variable, the value and its source, never a raw parsing exception")
    void badValuesAreNamed(String type, String value) {
        Settings s = Settings.of(Map.of("USERKIT_SESSION_IDLE_TTL", value));
        Runnable read = switch (type) {
            case "duration" -> () -> s.duration("USERKIT_SESSION_IDLE_TTL");
            case "integer" -> () -> s.integer("USERKIT_SESSION_IDLE_TTL");
            case "bool" -> () -> s.bool("USERKIT_SESSION_IDLE_TTL");
            case "millis" -> () -> s.millis("USERKIT_SESSION_IDLE_TTL");
            default -> () -> s.choice("USERKIT_SESSION_IDLE_TTL", ChronoUnit.class);
        };
        assertThatThrownBy(read::run).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("USERKIT_SESSION_IDLE_TTL=" + value + " (given values) is not ")
                .satisfies(e -> {
                    assertThat(((ConfigException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
                    assertThat(((ConfigException) e).setting()).isEqualTo("USERKIT_SESSION_IDLE_TTL");
                });
    }

    @Test
    @DisplayName("an error from a properties file names the key and the file")
    void errorNamesTheFile() throws IOException {
        Path file = write("userkit.session.idle.ttl=abc\n");
        assertThatThrownBy(() -> Settings.properties(file).duration("USERKIT_SESSION_IDLE_TTL"))
                .hasMessageContaining("USERKIT_SESSION_IDLE_TTL=abc (userkit.session.idle.ttl in " + file + ")");
    }

    @Test
    @DisplayName("a secret's error names the variable but never shows its value")
    void secretsAreNotShown() {
        Settings s = Settings.of(Map.of("USERKIT_KEYS", "hunter2-very-secret"));
        assertThatThrownBy(() -> s.secret("USERKIT_KEYS", text -> {
            throw new IllegalArgumentException("a key ring");
        })).isInstanceOf(ConfigException.class).hasMessage("USERKIT_KEYS (given values) is not a key ring")
                .hasMessageNotContaining("hunter2");
        assertThat(s.toString()).doesNotContain("hunter2");
    }

    @Test
    @DisplayName("loaded Properties work like a file")
    void loadedProperties() {
        Properties props = new Properties();
        props.setProperty("userkit.smtp.port", "2525");
        assertThat(Settings.properties(props, "app.yml").integer("USERKIT_SMTP_PORT")).contains(2525);
    }

    @Test
    @DisplayName("names() lists every USERKIT_* variable of the chain (file keys in environment form) and origin() says which source holds it first")
    void namesAndOrigins() throws IOException {
        Path file = write("userkit.smtp.host=mail.example\nother.key=x\n");
        Settings s = Settings.of(Map.of("USERKIT_PG_HOST", "db", "USERKIT_SMTP_HOST", "first", "USERKIT_BLANK", " ", "PATH", "/bin"))
                .orElse(Settings.properties(file));
        assertThat(s.names()).containsExactly("USERKIT_PG_HOST", "USERKIT_SMTP_HOST");
        assertThat(s.origin("USERKIT_SMTP_HOST")).hasValue("given values");
        assertThat(Settings.properties(file).origin("USERKIT_SMTP_HOST")).hasValueSatisfying(o -> assertThat(o).contains("userkit.smtp.host in "));
        assertThat(s.origin("USERKIT_NONE")).isEmpty();
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("userkit.properties"), text);
    }
}
