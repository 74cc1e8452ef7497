package dev.userkit;

import dev.userkit.config.ConfigException;
import dev.userkit.config.Settings;
import dev.userkit.spi.MessageKind;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How the outbox delivers (REL-8, M2) and which courtesy notices it sends. Every message is queued
 * in the request and delivered later by {@link dev.userkit.outbox.Outbox}; these settings bound
 * its retries and its housekeeping. From outside: the {@code USERKIT_OUTBOX_*} and
 * {@code USERKIT_NOTICE_*} names of the README's configuration table.
 *
 * @param maxAttempts delivery attempts before a message is DEAD; default 8, 1 to 100
 * @param firstRetryDelay the wait after the first failure, doubled after each further one (with jitter); default 30 s
 * @param maxRetryDelay the longest wait between two attempts; default 1 h, at least {@code firstRetryDelay}
 * @param lease how long a claimed message is held by its sender before another may take it; default 2 min,
 *              longer than one send may take (the SMTP timeouts)
 * @param pollInterval how often a started sender looks for due messages; default 5 s
 * @param batchSize messages claimed per pass; default 50, 1 to 1,000
 * @param noticeRetention how long an undelivered notice (no code) keeps its payload; default 3 days
 * @param deliveredRetention how long a DELIVERED row (without payload) stays visible before purge deletes it; default 7 days
 * @param defaultLocale the language of a message when neither the user nor the request has one; default English
 * @param notices the notices sent: {@link MessageKind#PASSWORD_CHANGED_NOTICE}, {@link MessageKind#EMAIL_CHANGE_NOTICE},
 *                {@link MessageKind#ACCOUNT_LOCKED_NOTICE} and {@link MessageKind#NEW_DEVICE_NOTICE} (an unknown
 *                device passed the password under device control and waits for approval) by default (the unknown-address notice is
 *                {@link UserKitConfig#unknownAddressNotice()})
 */
public record OutboxSettings(int maxAttempts, Duration firstRetryDelay, Duration maxRetryDelay, Duration lease,
                             Duration pollInterval, int batchSize, Duration noticeRetention, Duration deliveredRetention,
                             Locale defaultLocale, Set<MessageKind> notices) {
    /** The notices that can be switched, each on by default. */
    public static final Set<MessageKind> SWITCHABLE_NOTICES = Set.copyOf(EnumSet.of(
            MessageKind.PASSWORD_CHANGED_NOTICE, MessageKind.EMAIL_CHANGE_NOTICE, MessageKind.ACCOUNT_LOCKED_NOTICE,
            MessageKind.NEW_DEVICE_NOTICE));
    /** The defaults. */
    public static final OutboxSettings DEFAULTS = builder().build();

    /**
     * Checks the bounds.
     *
     * @param maxAttempts see {@link #maxAttempts()}
     * @param firstRetryDelay see {@link #firstRetryDelay()}
     * @param maxRetryDelay see {@link #maxRetryDelay()}
     * @param lease see {@link #lease()}
     * @param pollInterval see {@link #pollInterval()}
     * @param batchSize see {@link #batchSize()}
     * @param noticeRetention see {@link #noticeRetention()}
     * @param deliveredRetention see {@link #deliveredRetention()}
     * @param defaultLocale see {@link #defaultLocale()}
     * @param notices see {@link #notices()}
     * @throws ConfigException naming the setting that is out of range
     */
    public OutboxSettings {
        range(maxAttempts, 1, 100, "USERKIT_OUTBOX_MAX_ATTEMPTS");
        range(batchSize, 1, 1000, "USERKIT_OUTBOX_BATCH_SIZE");
        positive(firstRetryDelay, "USERKIT_OUTBOX_FIRST_RETRY_DELAY");
        positive(maxRetryDelay, "USERKIT_OUTBOX_MAX_RETRY_DELAY");
        if (maxRetryDelay.compareTo(firstRetryDelay) < 0) {
            throw new ConfigException("USERKIT_OUTBOX_MAX_RETRY_DELAY", "USERKIT_OUTBOX_MAX_RETRY_DELAY must be at least USERKIT_OUTBOX_FIRST_RETRY_DELAY");
        }
        positive(lease, "USERKIT_OUTBOX_LEASE");
        positive(pollInterval, "USERKIT_OUTBOX_POLL_INTERVAL");
        positive(noticeRetention, "USERKIT_OUTBOX_NOTICE_RETENTION");
        positive(deliveredRetention, "USERKIT_OUTBOX_DELIVERED_RETENTION");
        if (defaultLocale == null) throw new ConfigException("USERKIT_DEFAULT_LOCALE", "USERKIT_DEFAULT_LOCALE must be set");
        notices = notices == null ? Set.of() : Set.copyOf(notices);
        if (!SWITCHABLE_NOTICES.containsAll(notices)) {
            throw new ConfigException("USERKIT_NOTICE", "only " + SWITCHABLE_NOTICES + " can be switched on as notices");
        }
    }

    private static void range(int value, int min, int max, String name) {
        if (value < min || value > max) throw new ConfigException(name, name + " must be from " + min + " to " + max);
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) throw new ConfigException(name, name + " must be a positive duration");
    }

    /**
     * Whether this notice is sent.
     *
     * @param kind a notice kind
     * @return true if it is switched on
     */
    public boolean sends(MessageKind kind) {
        return notices.contains(kind);
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
     * A builder starting from these settings.
     *
     * @return a new builder holding every value
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxAttempts = maxAttempts; b.firstRetryDelay = firstRetryDelay; b.maxRetryDelay = maxRetryDelay; b.lease = lease;
        b.pollInterval = pollInterval; b.batchSize = batchSize; b.noticeRetention = noticeRetention;
        b.deliveredRetention = deliveredRetention; b.defaultLocale = defaultLocale;
        b.notices = notices.isEmpty() ? EnumSet.noneOf(MessageKind.class) : EnumSet.copyOf(notices);
        return b;
    }

    /** Mutable builder; every setter returns {@code this}. */
    public static final class Builder {
        private int maxAttempts = 8;
        private Duration firstRetryDelay = Duration.ofSeconds(30);
        private Duration maxRetryDelay = Duration.ofHours(1);
        private Duration lease = Duration.ofMinutes(2);
        private Duration pollInterval = Duration.ofSeconds(5);
        private int batchSize = 50;
        private Duration noticeRetention = Duration.ofDays(3);
        private Duration deliveredRetention = Duration.ofDays(7);
        private Locale defaultLocale = Locale.ENGLISH;
        private EnumSet<MessageKind> notices = EnumSet.copyOf(SWITCHABLE_NOTICES);

        private Builder() {}

        /**
         * Sets {@link OutboxSettings#maxAttempts()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder maxAttempts(int v) { maxAttempts = v; return this; }
        /**
         * Sets {@link OutboxSettings#firstRetryDelay()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder firstRetryDelay(Duration v) { firstRetryDelay = v; return this; }
        /**
         * Sets {@link OutboxSettings#maxRetryDelay()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder maxRetryDelay(Duration v) { maxRetryDelay = v; return this; }
        /**
         * Sets {@link OutboxSettings#lease()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder lease(Duration v) { lease = v; return this; }
        /**
         * Sets {@link OutboxSettings#pollInterval()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder pollInterval(Duration v) { pollInterval = v; return this; }
        /**
         * Sets {@link OutboxSettings#batchSize()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder batchSize(int v) { batchSize = v; return this; }
        /**
         * Sets {@link OutboxSettings#noticeRetention()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder noticeRetention(Duration v) { noticeRetention = v; return this; }
        /**
         * Sets {@link OutboxSettings#deliveredRetention()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder deliveredRetention(Duration v) { deliveredRetention = v; return this; }
        /**
         * Sets {@link OutboxSettings#defaultLocale()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder defaultLocale(Locale v) { defaultLocale = v; return this; }
        /**
         * Switches one notice on or off.
         *
         * @param kind one of {@link OutboxSettings#SWITCHABLE_NOTICES}
         * @param on whether it is sent
         * @return this builder
         */
        public Builder notice(MessageKind kind, boolean on) {
            if (on) notices.add(Objects.requireNonNull(kind)); else notices.remove(kind);
            return this;
        }

        /**
         * Reads the {@code USERKIT_OUTBOX_*}, {@code USERKIT_NOTICE_*} and {@code USERKIT_DEFAULT_LOCALE} names.
         *
         * @param s where to read them
         * @return this builder
         * @throws ConfigException naming the variable if a value is malformed
         */
        public Builder read(Settings s) {
            s.integer("USERKIT_OUTBOX_MAX_ATTEMPTS").ifPresent(this::maxAttempts);
            s.duration("USERKIT_OUTBOX_FIRST_RETRY_DELAY").ifPresent(this::firstRetryDelay);
            s.duration("USERKIT_OUTBOX_MAX_RETRY_DELAY").ifPresent(this::maxRetryDelay);
            s.duration("USERKIT_OUTBOX_LEASE").ifPresent(this::lease);
            s.duration("USERKIT_OUTBOX_POLL_INTERVAL").ifPresent(this::pollInterval);
            s.integer("USERKIT_OUTBOX_BATCH_SIZE").ifPresent(this::batchSize);
            s.duration("USERKIT_OUTBOX_NOTICE_RETENTION").ifPresent(this::noticeRetention);
            s.duration("USERKIT_OUTBOX_DELIVERED_RETENTION").ifPresent(this::deliveredRetention);
            s.value("USERKIT_DEFAULT_LOCALE", OutboxSettings::languageTag).ifPresent(this::defaultLocale);
            s.bool("USERKIT_NOTICE_PASSWORD_CHANGED").ifPresent(on -> notice(MessageKind.PASSWORD_CHANGED_NOTICE, on));
            s.bool("USERKIT_NOTICE_EMAIL_CHANGE").ifPresent(on -> notice(MessageKind.EMAIL_CHANGE_NOTICE, on));
            s.bool("USERKIT_NOTICE_ACCOUNT_LOCKED").ifPresent(on -> notice(MessageKind.ACCOUNT_LOCKED_NOTICE, on));
            s.bool("USERKIT_NOTICE_NEW_DEVICE").ifPresent(on -> notice(MessageKind.NEW_DEVICE_NOTICE, on));
            return this;
        }

        /**
         * Builds and validates.
         *
         * @return the settings
         * @throws ConfigException naming the setting that is out of range
         */
        public OutboxSettings build() {
            return new OutboxSettings(maxAttempts, firstRetryDelay, maxRetryDelay, lease, pollInterval, batchSize,
                    noticeRetention, deliveredRetention, defaultLocale, notices);
        }
    }

    private static Locale languageTag(String text) {
        Locale locale = Locale.forLanguageTag(text);
        if (locale.getLanguage().isEmpty()) throw new IllegalArgumentException("a BCP 47 language tag such as en or de-CH");
        return locale;
    }
}
