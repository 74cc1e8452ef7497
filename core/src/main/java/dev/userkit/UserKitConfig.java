package dev.userkit;

import dev.userkit.config.ConfigException;
import dev.userkit.config.Settings;
import dev.userkit.domain.CodePurpose;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every setting of UserKit, immutable, with documented defaults. Build with {@link #builder()};
 * {@link #defaults()} is the secure default set. From outside: {@link #builder(Settings)} starts
 * from environment variables or a properties file ({@code USERKIT_SESSION_IDLE_TTL=30m}, the
 * README's configuration table lists every name), and values set on the builder afterwards win.
 *
 * @param sessionIdleTtl idle timeout, extended by activity (S4, SEC-18); default 24 h
 * @param sessionAbsoluteTtl hard session lifetime (SEC-18); default 30 days
 * @param slidingWriteInterval at most one sliding write per session per this interval; default 1 min
 * @param codeTtls lifetime of one-time codes by purpose (SEC-14): reset by email 15 min, by SMS 10 min, email verification and change 24 h
 * @param activateOnSignup new users are ACTIVE at once instead of PENDING (A2); default false
 * @param defaultRole role name granted to users activated on sign-up, or null (A2)
 * @param usernameCaseSensitive usernames compared case-sensitively (A13); default false
 * @param deviceControl refuse logins from devices not permitted (D1); default false
 * @param passwordMinLength minimum length in code points (SEC-01); default 15, at least 8
 * @param passwordMaxLength maximum length in code points (SEC-01); default 256, at least 64
 * @param passwordHashing Argon2id parameters (SEC-04)
 * @param pendingAccountTtl unverified accounts are removed after this (A16); default 7 days
 * @param loginFailureLimit failures per identifier in a window before even the right password is refused (SEC-09); default 10
 * @param addressFailureLimit failures per client address in a window (SEC-09); default 100
 * @param loginFailureWindow the throttling window and cooldown (SEC-09); default 15 min
 * @param knownClientTtl how long a known-client token exempts its holder from lockouts caused by others (S11, SEC-28); default 90 days
 * @param sendLimit codes and reminders sent per address, phone or client in a send window (SEC-25); default 5
 * @param sendWindow the send-rate window (SEC-25); default 1 h
 * @param shortCodeMaxAttempts wrong guesses before a short (SMS) code is void (SEC-11); default 5
 * @param resetByEmail whether password reset by email is offered (C7: 802 when not); default true
 * @param unknownAddressNotice mail a notice to an unknown address that asked for a reset (C2); default false
 * @param keyRing server keys for short-code HMACs and the pepper (SEC-26); default ephemeral
 * @param maxConcurrentHashes password hashes computed at once (REL-6); default 2 x processors
 * @param pepper optional server-side pepper ring for password hashes (SEC-04), kept outside the store; default none
 * @param requireKeyRing strict mode: refuse to build without a configured key ring instead of
 *                       warning and using an ephemeral one (SEC-26); default false
 * @param validationCache the opt-in validation cache: off by default (see {@link ValidationCacheSettings})
 * @param outbox delivery retries, leases, retention, the default locale and the notices (see {@link OutboxSettings})
 * @param maintenance scheduled purges: on, every 5 min, 1,000 rows per batch (see {@link MaintenanceSettings})
 */
public record UserKitConfig(Duration sessionIdleTtl, Duration sessionAbsoluteTtl, Duration slidingWriteInterval,
                            Map<CodePurpose, Duration> codeTtls, boolean activateOnSignup, String defaultRole,
                            boolean usernameCaseSensitive, boolean deviceControl, int passwordMinLength,
                            int passwordMaxLength, PasswordHashing passwordHashing, Duration pendingAccountTtl,
                            int loginFailureLimit, int addressFailureLimit, Duration loginFailureWindow,
                            Duration knownClientTtl, int sendLimit, Duration sendWindow, int shortCodeMaxAttempts, boolean resetByEmail,
                            boolean unknownAddressNotice, KeyRing keyRing, int maxConcurrentHashes, KeyRing pepper,
                            boolean requireKeyRing, ValidationCacheSettings validationCache,
                            OutboxSettings outbox, MaintenanceSettings maintenance) {

    /**
     * Validates ranges; bad settings throw {@link IllegalArgumentException} at start-up.
     *
     * @param sessionIdleTtl idle session timeout; positive
     * @param sessionAbsoluteTtl hard session lifetime; positive
     * @param slidingWriteInterval minimum interval between two sliding writes of a session; not null
     * @param codeTtls code lifetimes by purpose; null or missing purposes take the defaults, given ones must be positive
     * @param activateOnSignup whether new users are ACTIVE at once
     * @param defaultRole role granted on activation at sign-up, or null for none
     * @param usernameCaseSensitive whether usernames are compared case-sensitively
     * @param deviceControl whether logins from devices not permitted are refused
     * @param passwordMinLength minimum password length in code points; at least 8
     * @param passwordMaxLength maximum password length in code points; at least 64 and at least the minimum
     * @param passwordHashing the Argon2id parameters; not null
     * @param pendingAccountTtl how long an unverified account is kept; positive
     * @param loginFailureLimit login failures per identifier in a window; at least 1
     * @param addressFailureLimit login failures per client address in a window; at least 1
     * @param loginFailureWindow the login throttling window and cooldown; positive
     * @param knownClientTtl lifetime of a known-client token; positive
     * @param sendLimit sends per address, phone or client in a send window; at least 1
     * @param sendWindow the send-rate window; positive
     * @param shortCodeMaxAttempts wrong guesses before a short code is void; at least 1
     * @param resetByEmail whether password reset by email is offered
     * @param unknownAddressNotice whether an unknown address that asked for a reset is mailed a notice
     * @param keyRing the server key ring; not null, and not ephemeral in strict mode
     * @param maxConcurrentHashes password hashes computed at once; at least 1
     * @param pepper the pepper ring for password hashes, or null for none
     * @param requireKeyRing strict mode: a missing or ephemeral key ring is refused
     * @param validationCache the validation cache's settings; not null
     * @param outbox the outbox's settings; not null
     * @param maintenance the scheduled maintenance's settings; not null
     * @throws ConfigException if {@code requireKeyRing} is set and the key ring is missing or ephemeral
     */
    public UserKitConfig {
        positive(sessionIdleTtl, "sessionIdleTtl");
        positive(sessionAbsoluteTtl, "sessionAbsoluteTtl");
        Objects.requireNonNull(slidingWriteInterval, "slidingWriteInterval");
        positive(pendingAccountTtl, "pendingAccountTtl");
        positive(loginFailureWindow, "loginFailureWindow");
        positive(knownClientTtl, "knownClientTtl");
        positive(sendWindow, "sendWindow");
        EnumMap<CodePurpose, Duration> ttls = new EnumMap<>(CodePurpose.class);
        ttls.putAll(defaultCodeTtls());
        if (codeTtls != null) codeTtls.forEach((p, d) -> ttls.put(p, positive(d, "codeTtl " + p)));
        codeTtls = Map.copyOf(ttls);
        if (passwordMinLength < 8) throw new IllegalArgumentException("passwordMinLength must be at least 8 (SEC-01)");
        if (passwordMaxLength < 64 || passwordMaxLength < passwordMinLength) {
            throw new IllegalArgumentException("passwordMaxLength must be at least 64 and at least the minimum (SEC-01)");
        }
        Objects.requireNonNull(passwordHashing, "passwordHashing");
        if (loginFailureLimit < 1 || addressFailureLimit < 1 || sendLimit < 1 || shortCodeMaxAttempts < 1 || maxConcurrentHashes < 1) {
            throw new IllegalArgumentException("limits must be at least 1");
        }
        if (requireKeyRing && (keyRing == null || keyRing.isEphemeral())) {
            throw new ConfigException(KEYS, "No key ring configured, and a key ring is required (" + REQUIRE_KEY_RING
                    + " / requireKeyRing): set " + KEYS + " or UserKitConfig.Builder.keyRing (SEC-26)");
        }
        Objects.requireNonNull(keyRing, "keyRing");
        Objects.requireNonNull(validationCache, "validationCache");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(maintenance, "maintenance");
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive");
        return d;
    }

    private static Map<CodePurpose, Duration> defaultCodeTtls() {
        return Map.of(CodePurpose.EMAIL_VERIFY, Duration.ofHours(24), CodePurpose.EMAIL_CHANGE, Duration.ofHours(24),
                CodePurpose.PASSWORD_RESET, Duration.ofMinutes(15), CodePurpose.PHONE_RESET, Duration.ofMinutes(10),
                CodePurpose.USERNAME_REMINDER, Duration.ofMinutes(15));
    }

    /**
     * Whether a password is longer than any this configuration accepts: refused before any hashing (SEC-01).
     *
     * @param password the password as entered
     * @return true if it has more code points than {@link #passwordMaxLength()}
     */
    public boolean tooLongForPassword(String password) {
        return password.codePointCount(0, password.length()) > passwordMaxLength;
    }

    /**
     * The lifetime of codes of this purpose.
     *
     * @param purpose what the code is for
     * @return how long a code of that purpose stays valid
     */
    public Duration codeTtl(CodePurpose purpose) {
        return codeTtls.get(purpose);
    }

    /** The setting holding the key ring, in the format of {@link KeyRing#from(Settings, String)}. */
    public static final String KEYS = "USERKIT_KEYS";
    /** The setting for strict mode, {@link #requireKeyRing()}. */
    public static final String REQUIRE_KEY_RING = "USERKIT_REQUIRE_KEY_RING";

    /**
     * The secure defaults (with an ephemeral key ring).
     *
     * @return a configuration with every default setting
     */
    public static UserKitConfig defaults() {
        return builder().build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from the defaults overlaid with {@code settings}; values set on the builder
     * afterwards win. Names and formats: the README's configuration table.
     *
     * @param settings where to read the {@code USERKIT_*} names
     * @return a builder holding the defaults and the values found
     * @throws ConfigException naming the variable if a value is malformed
     */
    public static Builder builder(Settings settings) {
        return UserKitConfigReader.read(settings, new Builder());
    }

    /**
     * The configuration from {@link Settings#standard()}: the environment, then {@code USERKIT_CONFIG_FILE}.
     *
     * @return {@link #builder(Settings)} over the standard settings, built
     * @throws ConfigException if a value is malformed, or strict mode finds no key ring
     */
    public static UserKitConfig fromEnvironment() {
        return builder(Settings.standard()).build();
    }

    /**
     * A builder starting from this configuration.
     *
     * @return a new builder holding every value of this configuration
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.sessionIdleTtl = sessionIdleTtl; b.sessionAbsoluteTtl = sessionAbsoluteTtl; b.slidingWriteInterval = slidingWriteInterval;
        b.codeTtls = new EnumMap<>(codeTtls); b.activateOnSignup = activateOnSignup; b.defaultRole = defaultRole;
        b.usernameCaseSensitive = usernameCaseSensitive; b.deviceControl = deviceControl; b.passwordMinLength = passwordMinLength;
        b.passwordMaxLength = passwordMaxLength; b.passwordHashing = passwordHashing; b.pendingAccountTtl = pendingAccountTtl;
        b.loginFailureLimit = loginFailureLimit; b.addressFailureLimit = addressFailureLimit; b.loginFailureWindow = loginFailureWindow;
        b.knownClientTtl = knownClientTtl;
        b.sendLimit = sendLimit; b.sendWindow = sendWindow; b.shortCodeMaxAttempts = shortCodeMaxAttempts;
        b.resetByEmail = resetByEmail; b.unknownAddressNotice = unknownAddressNotice; b.keyRing = keyRing;
        b.maxConcurrentHashes = maxConcurrentHashes; b.pepper = pepper; b.requireKeyRing = requireKeyRing;
        b.validationCache = validationCache.enabled(); b.validationCacheMaxSize = validationCache.maxSize();
        b.validationCacheStaleness = validationCache.staleness(); b.outbox = outbox;
        b.maintenance = maintenance;
        return b;
    }

    /** Mutable builder; every setter returns {@code this}. Unset values keep their defaults. */
    public static final class Builder {
        private Duration sessionIdleTtl = Duration.ofHours(24);
        private Duration sessionAbsoluteTtl = Duration.ofDays(30);
        private Duration slidingWriteInterval = Duration.ofMinutes(1);
        private Map<CodePurpose, Duration> codeTtls = new EnumMap<>(CodePurpose.class);
        private boolean activateOnSignup;
        private String defaultRole;
        private boolean usernameCaseSensitive;
        private boolean deviceControl;
        private int passwordMinLength = 15;
        private int passwordMaxLength = 256;
        private PasswordHashing passwordHashing = PasswordHashing.PRODUCTION;
        private Duration pendingAccountTtl = Duration.ofDays(7);
        private int loginFailureLimit = 10;
        private int addressFailureLimit = 100;
        private Duration loginFailureWindow = Duration.ofMinutes(15);
        private Duration knownClientTtl = Duration.ofDays(90);
        private int sendLimit = 5;
        private Duration sendWindow = Duration.ofHours(1);
        private int shortCodeMaxAttempts = 5;
        private boolean resetByEmail = true;
        private boolean unknownAddressNotice;
        private KeyRing keyRing;
        private int maxConcurrentHashes = 2 * Runtime.getRuntime().availableProcessors();
        private KeyRing pepper;
        private boolean requireKeyRing;
        private boolean validationCache = ValidationCacheSettings.OFF.enabled();
        private int validationCacheMaxSize = ValidationCacheSettings.OFF.maxSize();
        private Duration validationCacheStaleness = ValidationCacheSettings.OFF.staleness();
        private OutboxSettings outbox = OutboxSettings.DEFAULTS;
        private MaintenanceSettings maintenance = MaintenanceSettings.DEFAULTS;

        private Builder() {}

        /**
         * Sets {@link UserKitConfig#sessionIdleTtl()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder sessionIdleTtl(Duration v) { sessionIdleTtl = v; return this; }
        /**
         * Sets {@link UserKitConfig#sessionAbsoluteTtl()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder sessionAbsoluteTtl(Duration v) { sessionAbsoluteTtl = v; return this; }
        /**
         * Sets {@link UserKitConfig#slidingWriteInterval()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder slidingWriteInterval(Duration v) { slidingWriteInterval = v; return this; }
        /**
         * Sets the lifetime of codes of one purpose.
         *
         * @param purpose what the codes are for
         * @param ttl how long they stay valid; positive
         * @return this builder
         */
        public Builder codeTtl(CodePurpose purpose, Duration ttl) { codeTtls.put(purpose, ttl); return this; }
        /**
         * Sets {@link UserKitConfig#activateOnSignup()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder activateOnSignup(boolean v) { activateOnSignup = v; return this; }
        /**
         * Sets {@link UserKitConfig#defaultRole()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder defaultRole(String v) { defaultRole = v; return this; }
        /**
         * Sets {@link UserKitConfig#usernameCaseSensitive()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder usernameCaseSensitive(boolean v) { usernameCaseSensitive = v; return this; }
        /**
         * Sets {@link UserKitConfig#deviceControl()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder deviceControl(boolean v) { deviceControl = v; return this; }
        /**
         * Sets {@link UserKitConfig#passwordMinLength()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder passwordMinLength(int v) { passwordMinLength = v; return this; }
        /**
         * Sets {@link UserKitConfig#passwordMaxLength()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder passwordMaxLength(int v) { passwordMaxLength = v; return this; }
        /**
         * Sets {@link UserKitConfig#passwordHashing()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder passwordHashing(PasswordHashing v) { passwordHashing = v; return this; }
        /**
         * Sets {@link UserKitConfig#pendingAccountTtl()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder pendingAccountTtl(Duration v) { pendingAccountTtl = v; return this; }
        /**
         * Sets {@link UserKitConfig#loginFailureLimit()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder loginFailureLimit(int v) { loginFailureLimit = v; return this; }
        /**
         * Sets {@link UserKitConfig#addressFailureLimit()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder addressFailureLimit(int v) { addressFailureLimit = v; return this; }
        /**
         * Sets {@link UserKitConfig#loginFailureWindow()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder loginFailureWindow(Duration v) { loginFailureWindow = v; return this; }
        /**
         * Sets {@link UserKitConfig#knownClientTtl()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder knownClientTtl(Duration v) { knownClientTtl = v; return this; }
        /**
         * Sets {@link UserKitConfig#sendLimit()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder sendLimit(int v) { sendLimit = v; return this; }
        /**
         * Sets {@link UserKitConfig#sendWindow()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder sendWindow(Duration v) { sendWindow = v; return this; }
        /**
         * Sets {@link UserKitConfig#shortCodeMaxAttempts()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder shortCodeMaxAttempts(int v) { shortCodeMaxAttempts = v; return this; }
        /**
         * Sets {@link UserKitConfig#resetByEmail()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder resetByEmail(boolean v) { resetByEmail = v; return this; }
        /**
         * Sets {@link UserKitConfig#unknownAddressNotice()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder unknownAddressNotice(boolean v) { unknownAddressNotice = v; return this; }
        /**
         * Sets {@link UserKitConfig#keyRing()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder keyRing(KeyRing v) { keyRing = v; return this; }
        /**
         * Sets {@link UserKitConfig#maxConcurrentHashes()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder maxConcurrentHashes(int v) { maxConcurrentHashes = v; return this; }
        /**
         * Sets {@link UserKitConfig#pepper()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder pepper(KeyRing v) { pepper = v; return this; }
        /**
         * Strict mode: {@link #build()} refuses a missing or ephemeral key ring (SEC-26).
         *
         * @param v whether a configured key ring is required
         * @return this builder
         * @see UserKitConfig#requireKeyRing()
         */
        public Builder requireKeyRing(boolean v) { requireKeyRing = v; return this; }
        /**
         * Turns the validation cache on or off ({@link ValidationCacheSettings#enabled()}); on needs Caffeine on the class path.
         *
         * @param v whether validations are cached
         * @return this builder
         */
        public Builder validationCache(boolean v) { validationCache = v; return this; }
        /**
         * Sets {@link ValidationCacheSettings#maxSize()}: each cached session takes about 1,140 bytes of heap.
         *
         * @param v the most sessions the validation cache holds
         * @return this builder
         */
        public Builder validationCacheMaxSize(int v) { validationCacheMaxSize = v; return this; }
        /**
         * Sets {@link ValidationCacheSettings#staleness()}.
         *
         * @param v how long a cached read is used
         * @return this builder
         */
        public Builder validationCacheStaleness(Duration v) { validationCacheStaleness = v; return this; }
        /**
         * Sets {@link UserKitConfig#outbox()}, e.g. {@code OutboxSettings.builder().maxAttempts(5).build()}.
         *
         * @param v the outbox settings
         * @return this builder
         */
        public Builder outbox(OutboxSettings v) { outbox = v; return this; }
        /**
         * Sets {@link UserKitConfig#maintenance()}, e.g. {@code MaintenanceSettings.builder().interval(Duration.ofMinutes(1)).build()}.
         *
         * @param v the maintenance settings
         * @return this builder
         */
        public Builder maintenance(MaintenanceSettings v) { maintenance = v; return this; }
        /**
         * The stricter AAL2 session preset (SEC-18): idle 1 h, absolute 24 h.
         *
         * @return this builder
         */
        public Builder aal2Sessions() { sessionIdleTtl = Duration.ofHours(1); sessionAbsoluteTtl = Duration.ofHours(24); return this; }

        /**
         * Builds and validates; without a key ring, uses an ephemeral one with a warning, or in
         * strict mode ({@link #requireKeyRing(boolean)}) throws {@link ConfigException}.
         *
         * @return the validated configuration
         */
        public UserKitConfig build() {
            // in strict mode no ephemeral ring is made, so its warning is not logged before the refusal
            KeyRing ring = keyRing != null || requireKeyRing ? keyRing : KeyRing.ephemeral();
            return new UserKitConfig(sessionIdleTtl, sessionAbsoluteTtl, slidingWriteInterval, codeTtls, activateOnSignup,
                    defaultRole, usernameCaseSensitive, deviceControl, passwordMinLength, passwordMaxLength, passwordHashing,
                    pendingAccountTtl, loginFailureLimit, addressFailureLimit, loginFailureWindow, knownClientTtl, sendLimit, sendWindow,
                    shortCodeMaxAttempts, resetByEmail, unknownAddressNotice, ring, maxConcurrentHashes, pepper, requireKeyRing,
                    new ValidationCacheSettings(validationCache, validationCacheMaxSize, validationCacheStaleness), outbox,
                    maintenance);
        }
    }
}
