package dev.userkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.config.ConfigException;
import dev.userkit.config.Settings;
import dev.userkit.domain.CodePurpose;
import dev.userkit.spi.MessageKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link UserKitConfig#builder(Settings)}: every setting by name, the precedence, the key ring format and strict mode. */
class UserKitConfigSettingsTest {
    private static final byte[] KEY_1 = bytes('a');
    private static final byte[] KEY_2 = bytes('b');
    private static final String B64_1 = Base64.getEncoder().encodeToString(KEY_1);
    private static final String B64_2 = Base64.getEncoder().encodeToString(KEY_2);

    /** Every name UserKitConfig reads, each with a value other than its default. */
    private static final Map<String, String> EVERY_SETTING = Map.ofEntries(
            Map.entry("USERKIT_SESSION_IDLE_TTL", "30m"),
            Map.entry("USERKIT_SESSION_ABSOLUTE_TTL", "PT12H"),
            Map.entry("USERKIT_SLIDING_WRITE_INTERVAL", "10s"),
            Map.entry("USERKIT_CODE_TTL_EMAIL_VERIFY", "2h"),
            Map.entry("USERKIT_CODE_TTL_EMAIL_CHANGE", "3h"),
            Map.entry("USERKIT_CODE_TTL_PASSWORD_RESET", "5m"),
            Map.entry("USERKIT_CODE_TTL_PHONE_RESET", "4m"),
            Map.entry("USERKIT_CODE_TTL_USERNAME_REMINDER", "6m"),
            Map.entry("USERKIT_ACTIVATE_ON_SIGNUP", "true"),
            Map.entry("USERKIT_DEFAULT_ROLE", "member"),
            Map.entry("USERKIT_USERNAME_CASE_SENSITIVE", "true"),
            Map.entry("USERKIT_DEVICE_CONTROL", "true"),
            Map.entry("USERKIT_PASSWORD_MIN_LENGTH", "12"),
            Map.entry("USERKIT_PASSWORD_MAX_LENGTH", "128"),
            Map.entry("USERKIT_PASSWORD_HASHING_MEMORY_KIB", "65536"),
            Map.entry("USERKIT_PASSWORD_HASHING_ITERATIONS", "3"),
            Map.entry("USERKIT_PASSWORD_HASHING_PARALLELISM", "2"),
            Map.entry("USERKIT_PENDING_ACCOUNT_TTL", "3d"),
            Map.entry("USERKIT_LOGIN_FAILURE_LIMIT", "7"),
            Map.entry("USERKIT_ADDRESS_FAILURE_LIMIT", "70"),
            Map.entry("USERKIT_LOGIN_FAILURE_WINDOW", "20m"),
            Map.entry("USERKIT_KNOWN_CLIENT_TTL", "30d"),
            Map.entry("USERKIT_SEND_LIMIT", "3"),
            Map.entry("USERKIT_SEND_WINDOW", "2h"),
            Map.entry("USERKIT_SHORT_CODE_MAX_ATTEMPTS", "4"),
            Map.entry("USERKIT_RESET_BY_EMAIL", "false"),
            Map.entry("USERKIT_UNKNOWN_ADDRESS_NOTICE", "true"),
            Map.entry("USERKIT_KEYS", "1:" + B64_1 + ",2:" + B64_2),
            Map.entry("USERKIT_MAX_CONCURRENT_HASHES", "3"),
            Map.entry("USERKIT_PEPPER_KEYS", "5:" + B64_2),
            Map.entry("USERKIT_REQUIRE_KEY_RING", "true"),
            Map.entry("USERKIT_VALIDATION_CACHE", "true"),
            Map.entry("USERKIT_VALIDATION_CACHE_MAX_SIZE", "2500"),
            Map.entry("USERKIT_VALIDATION_CACHE_STALENESS", "750ms"),
            Map.entry("USERKIT_OUTBOX_MAX_ATTEMPTS", "5"),
            Map.entry("USERKIT_OUTBOX_FIRST_RETRY_DELAY", "10s"),
            Map.entry("USERKIT_OUTBOX_MAX_RETRY_DELAY", "20m"),
            Map.entry("USERKIT_OUTBOX_LEASE", "90s"),
            Map.entry("USERKIT_OUTBOX_POLL_INTERVAL", "2s"),
            Map.entry("USERKIT_OUTBOX_BATCH_SIZE", "20"),
            Map.entry("USERKIT_OUTBOX_NOTICE_RETENTION", "1d"),
            Map.entry("USERKIT_OUTBOX_DELIVERED_RETENTION", "2d"),
            Map.entry("USERKIT_DEFAULT_LOCALE", "de-CH"),
            Map.entry("USERKIT_NOTICE_PASSWORD_CHANGED", "false"),
            Map.entry("USERKIT_NOTICE_EMAIL_CHANGE", "false"),
            Map.entry("USERKIT_NOTICE_ACCOUNT_LOCKED", "true"),
            Map.entry("USERKIT_NOTICE_NEW_DEVICE", "false"),
            Map.entry("USERKIT_MAINTENANCE_ENABLED", "false"),
            Map.entry("USERKIT_MAINTENANCE_INTERVAL", "90s"),
            Map.entry("USERKIT_MAINTENANCE_BATCH_SIZE", "250"),
            Map.entry("USERKIT_MAINTENANCE_LEASE", "45s"),
            Map.entry("USERKIT_MAINTENANCE_DEAD_OUTBOX_RETENTION", "10d"),
            Map.entry("USERKIT_MAINTENANCE_PAUSE", "20ms"));

    @TempDir
    Path dir;

    @Test
    @DisplayName("every setting of UserKitConfig can be given by name")
    void everySetting() {
        UserKitConfig c = UserKitConfig.builder(Settings.of(EVERY_SETTING)).build();
        assertThat(c.sessionIdleTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.sessionAbsoluteTtl()).isEqualTo(Duration.ofHours(12));
        assertThat(c.slidingWriteInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.codeTtls()).isEqualTo(Map.of(CodePurpose.EMAIL_VERIFY, Duration.ofHours(2), CodePurpose.EMAIL_CHANGE, Duration.ofHours(3),
                CodePurpose.PASSWORD_RESET, Duration.ofMinutes(5), CodePurpose.PHONE_RESET, Duration.ofMinutes(4),
                CodePurpose.USERNAME_REMINDER, Duration.ofMinutes(6)));
        assertThat(c.activateOnSignup()).isTrue();
        assertThat(c.defaultRole()).isEqualTo("member");
        assertThat(c.usernameCaseSensitive()).isTrue();
        assertThat(c.deviceControl()).isTrue();
        assertThat(c.passwordMinLength()).isEqualTo(12);
        assertThat(c.passwordMaxLength()).isEqualTo(128);
        assertThat(c.passwordHashing()).isEqualTo(PasswordHashing.of(65536, 3, 2));
        assertThat(c.pendingAccountTtl()).isEqualTo(Duration.ofDays(3));
        assertThat(c.loginFailureLimit()).isEqualTo(7);
        assertThat(c.addressFailureLimit()).isEqualTo(70);
        assertThat(c.loginFailureWindow()).isEqualTo(Duration.ofMinutes(20));
        assertThat(c.knownClientTtl()).isEqualTo(Duration.ofDays(30));
        assertThat(c.sendLimit()).isEqualTo(3);
        assertThat(c.sendWindow()).isEqualTo(Duration.ofHours(2));
        assertThat(c.shortCodeMaxAttempts()).isEqualTo(4);
        assertThat(c.resetByEmail()).isFalse();
        assertThat(c.unknownAddressNotice()).isTrue();
        assertThat(c.keyRing()).isEqualTo(KeyRing.of(Map.of(1, KEY_1, 2, KEY_2), 2));
        assertThat(c.maxConcurrentHashes()).isEqualTo(3);
        assertThat(c.pepper()).isEqualTo(KeyRing.of(Map.of(5, KEY_2), 5));
        assertThat(c.requireKeyRing()).isTrue();
        assertThat(c.validationCache()).isEqualTo(new ValidationCacheSettings(true, 2500, Duration.ofMillis(750)));
        assertThat(c.outbox()).isEqualTo(new OutboxSettings(5, Duration.ofSeconds(10), Duration.ofMinutes(20), Duration.ofSeconds(90),
                Duration.ofSeconds(2), 20, Duration.ofDays(1), Duration.ofDays(2), Locale.forLanguageTag("de-CH"),
                Set.of(MessageKind.ACCOUNT_LOCKED_NOTICE)));
        assertThat(c.maintenance()).isEqualTo(new MaintenanceSettings(false, Duration.ofSeconds(90), 250, Duration.ofSeconds(45),
                Duration.ofDays(10), Duration.ofMillis(20)));
    }

    @Test
    @DisplayName("W6 maintenance settings: on, every 5 min, batches of 1000, lease 2 min, no pause by default; out of range names the setting")
    void maintenanceSettings() {
        assertThat(UserKitConfig.defaults().maintenance()).isEqualTo(new MaintenanceSettings(true, Duration.ofMinutes(5), 1000,
                Duration.ofMinutes(2), Duration.ofDays(30), MaintenanceSettings.Builder.DEFAULT_PAUSE));
        assertThatThrownBy(() -> UserKitConfig.builder(Settings.of(Map.of("USERKIT_MAINTENANCE_BATCH_SIZE", "0"))))
                .isInstanceOf(ConfigException.class).extracting(e -> ((ConfigException) e).setting())
                .isEqualTo("USERKIT_MAINTENANCE_BATCH_SIZE");
        assertThatThrownBy(() -> UserKitConfig.builder(Settings.of(Map.of("USERKIT_MAINTENANCE_INTERVAL", "0s"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("USERKIT_MAINTENANCE_INTERVAL");
        assertThatThrownBy(() -> MaintenanceSettings.builder().lease(Duration.ofSeconds(-1)).build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("USERKIT_MAINTENANCE_LEASE");
        for (Duration pause : new Duration[] {null, Duration.ofMillis(-1), Duration.ofMinutes(2)}) {
            assertThatThrownBy(() -> MaintenanceSettings.builder().pauseBetweenBatches(pause).build())
                    .isInstanceOf(ConfigException.class).extracting(e -> ((ConfigException) e).setting())
                    .isEqualTo("USERKIT_MAINTENANCE_PAUSE");
        }
        assertThat(MaintenanceSettings.builder().pauseBetweenBatches(Duration.ZERO).build().pauseBetweenBatches()).isZero();
    }

    @Test
    @DisplayName("M2 REL-8 outbox settings out of range are a ConfigException naming the setting")
    void outboxSettingsOutOfRange() {
        assertThat(OutboxSettings.DEFAULTS.maxAttempts()).isEqualTo(8);
        assertThat(OutboxSettings.DEFAULTS.lease()).isEqualTo(Duration.ofMinutes(2));
        assertThat(OutboxSettings.DEFAULTS.notices()).isEqualTo(OutboxSettings.SWITCHABLE_NOTICES);
        assertThat(OutboxSettings.DEFAULTS.defaultLocale()).isEqualTo(Locale.ENGLISH);
        assertThatThrownBy(() -> UserKitConfig.builder(Settings.of(Map.of("USERKIT_OUTBOX_MAX_ATTEMPTS", "0"))))
                .isInstanceOf(ConfigException.class).extracting(e -> ((ConfigException) e).setting()).isEqualTo("USERKIT_OUTBOX_MAX_ATTEMPTS");
        assertThatThrownBy(() -> OutboxSettings.builder().firstRetryDelay(Duration.ofMinutes(5)).maxRetryDelay(Duration.ofMinutes(1)).build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("USERKIT_OUTBOX_MAX_RETRY_DELAY");
        assertThatThrownBy(() -> OutboxSettings.builder().lease(Duration.ZERO).build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("USERKIT_OUTBOX_LEASE");
        assertThatThrownBy(() -> UserKitConfig.builder(Settings.of(Map.of("USERKIT_DEFAULT_LOCALE", "!!"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("USERKIT_DEFAULT_LOCALE");
        assertThatThrownBy(() -> OutboxSettings.builder().notice(MessageKind.VERIFY_EMAIL, true).build())
                .isInstanceOf(ConfigException.class);
    }

    @Test
    @DisplayName("no settings give exactly the defaults")
    void noSettingsAreTheDefaults() {
        KeyRing ring = KeyRing.of(Map.of(1, KEY_1), 1);
        assertThat(UserKitConfig.builder(Settings.empty()).keyRing(ring).build()).isEqualTo(UserKitConfig.builder().keyRing(ring).build());
    }

    @Test
    @DisplayName("precedence: explicit builder value > environment > properties file > default")
    void precedence() throws IOException {
        Path file = Files.writeString(dir.resolve("userkit.properties"),
                "userkit.session.idle.ttl=1h\nuserkit.session.absolute.ttl=2d\nuserkit.send.limit=9\n");
        Settings env = Settings.of(Map.of("USERKIT_SESSION_IDLE_TTL", "2h", "USERKIT_SESSION_ABSOLUTE_TTL", "3d"));
        UserKitConfig c = UserKitConfig.builder(env.orElse(Settings.properties(file)))
                .sessionIdleTtl(Duration.ofMinutes(5))
                .keyRing(KeyRing.of(Map.of(1, KEY_1), 1))
                .build();
        assertThat(c.sessionIdleTtl()).as("explicit").isEqualTo(Duration.ofMinutes(5));
        assertThat(c.sessionAbsoluteTtl()).as("environment over file").isEqualTo(Duration.ofDays(3));
        assertThat(c.sendLimit()).as("file over default").isEqualTo(9);
        assertThat(c.sendWindow()).as("default").isEqualTo(Duration.ofHours(1));
    }

    @Test
    @DisplayName("a malformed value is a ConfigException naming the variable and the value")
    void malformedValue() {
        assertThatThrownBy(() -> UserKitConfig.builder(Settings.of(Map.of("USERKIT_SESSION_IDLE_TTL", "abc"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("USERKIT_SESSION_IDLE_TTL=abc").hasMessageContaining("PT30M").hasMessageContaining("30m");
    }

    @Test
    @DisplayName("Argon2id parameters below the minimum from settings are a ConfigException naming the settings")
    void weakHashingRefused() {
        assertThatThrownBy(() -> UserKitConfig.builder(Settings.of(Map.of("USERKIT_PASSWORD_HASHING_MEMORY_KIB", "1024"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("USERKIT_PASSWORD_HASHING_MEMORY_KIB").hasMessageContaining("SEC-04");
        UserKitConfig partial = UserKitConfig.builder(Settings.of(Map.of("USERKIT_PASSWORD_HASHING_ITERATIONS", "4")))
                .keyRing(KeyRing.of(Map.of(1, KEY_1), 1)).build();
        assertThat(partial.passwordHashing()).isEqualTo(PasswordHashing.of(19456, 4, 1));
    }

    @Test
    @DisplayName("SEC-26 USERKIT_KEYS: the highest version is current, whatever the order")
    void keyRingFormat() {
        KeyRing ring = KeyRing.from(Settings.of(Map.of("USERKIT_KEYS", " 2:" + B64_2 + " , 1:" + B64_1)), "USERKIT_KEYS").orElseThrow();
        assertThat(ring.currentVersion()).isEqualTo(2);
        assertThat(ring.key(1)).isEqualTo(KEY_1);
        assertThat(ring.key(2)).isEqualTo(KEY_2);
        assertThat(ring.isEphemeral()).isFalse();
        assertThat(KeyRing.from(Settings.empty(), "USERKIT_KEYS")).isEmpty();
    }

    @Test
    @DisplayName("SEC-26 a malformed USERKIT_KEYS names the variable and the entry, never a key")
    void malformedKeyRing() {
        String shortKey = Base64.getEncoder().encodeToString(Arrays.copyOf(KEY_1, 16));
        Map<String, String> cases = new HashMap<>();
        cases.put(B64_1, "entry 1 is not VERSION:BASE64");
        cases.put("0:" + B64_1, "entry 1 is not VERSION:BASE64");
        cases.put("1:" + B64_1 + ",x:" + B64_2, "entry 2 is not VERSION:BASE64");
        cases.put("1:" + B64_1 + ",1:" + B64_2, "version 1 appears twice");
        cases.put("3:" + B64_1.replace('Y', '*'), "the key of version 3 is not standard base64");
        cases.put("4:" + shortKey, "the key of version 4 is shorter than 32 bytes");
        cases.forEach((value, problem) -> assertThatThrownBy(() -> UserKitConfig.builder(Settings.of(Map.of("USERKIT_KEYS", value))))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("USERKIT_KEYS (given values) is not a key ring")
                .hasMessageContaining(problem)
                .hasMessageNotContaining(B64_1.substring(0, 12)).hasMessageNotContaining(B64_2.substring(0, 12))
                .hasMessageNotContaining(shortKey.substring(0, 12)));
    }

    @Test
    @DisplayName("SEC-26 strict mode is off by default: no key ring means an ephemeral one")
    void strictOffByDefault() {
        UserKitConfig c = UserKitConfig.builder(Settings.empty()).build();
        assertThat(c.requireKeyRing()).isFalse();
        assertThat(c.keyRing().isEphemeral()).isTrue();
    }

    @Test
    @DisplayName("SEC-26 strict mode (requireKeyRing / USERKIT_REQUIRE_KEY_RING) refuses to build without a configured key ring")
    void strictRefusesMissingKeyRing() {
        assertThatThrownBy(() -> UserKitConfig.builder().requireKeyRing(true).build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("No key ring configured").hasMessageContaining("USERKIT_KEYS")
                .satisfies(e -> assertThat(((ConfigException) e).setting()).isEqualTo("USERKIT_KEYS"));
        assertThatThrownBy(() -> UserKitConfig.builder(Settings.of(Map.of("USERKIT_REQUIRE_KEY_RING", "true"))).build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("USERKIT_REQUIRE_KEY_RING");
        UserKitConfig lax = UserKitConfig.defaults();
        assertThatThrownBy(() -> lax.toBuilder().requireKeyRing(true).build()).as("an ephemeral ring carried over is no configured ring")
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> UserKitConfig.builder().keyRing(KeyRing.ephemeral()).requireKeyRing(true).build())
                .isInstanceOf(ConfigException.class);
    }

    @Test
    @DisplayName("SEC-26 strict mode builds with a key ring from the settings or the builder")
    void strictAcceptsConfiguredKeyRing() {
        Settings s = Settings.of(Map.of("USERKIT_REQUIRE_KEY_RING", "true", "USERKIT_KEYS", "1:" + B64_1));
        assertThat(UserKitConfig.builder(s).build().keyRing().currentVersion()).isEqualTo(1);
        assertThat(UserKitConfig.builder().requireKeyRing(true).keyRing(KeyRing.of(Map.of(7, KEY_2), 7)).build().requireKeyRing()).isTrue();
        assertThat(UserKitConfig.builder(s).build().toBuilder().build().requireKeyRing()).isTrue();
    }

    @Test
    @DisplayName("the README's configuration table lists every name UserKitConfig reads")
    void readmeListsEveryName() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(EVERY_SETTING.keySet()).allSatisfy(name -> assertThat(readme).contains("`" + name + "`"));
    }

    private static byte[] bytes(char c) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) c);
        return b;
    }
}
