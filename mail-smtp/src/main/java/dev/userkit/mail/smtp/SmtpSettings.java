package dev.userkit.mail.smtp;

import dev.userkit.config.Settings;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how {@link SmtpMailModule} sends mail (M1). Immutable and validated on construction,
 * so a bad setting fails at start-up rather than on the first password reset. The password never
 * appears in {@link #toString()}. From outside: {@link #builder(Settings)} reads {@code USERKIT_SMTP_HOST},
 * {@code _PORT}, {@code _USERNAME}, {@code _PASSWORD}, {@code _TIMEOUT} (a duration such as {@code 5s}),
 * {@code _SECURITY} ({@code NONE}, {@code STARTTLS}, {@code TLS}), {@code _FROM}, {@code _IDLE_TIMEOUT}
 * and {@code _MESSAGE_ID_DOMAIN}.
 *
 * <p>Every value that reaches a header or an SMTP command (host, username, sender and its display
 * name, Message-ID domain) is refused with {@link MailHeaderException} if it holds a control character.
 *
 * @param host the SMTP server's host name or address
 * @param port the SMTP server's port (1-65535)
 * @param username the login, or null to send without authentication
 * @param password the password; required exactly when {@code username} is set
 * @param timeout applied separately to connecting, each read and each write; default 5000 ms
 * @param security plain, STARTTLS (required) or implicit TLS
 * @param from the sender address, optionally with a display name ({@code "Example <no-reply@example.com>"})
 * @param idleTimeout how long an open connection waits for the next mail before it is closed; zero opens a
 *        connection per mail; default 30 s
 * @param messageIdDomain the right-hand side of each mail's Message-ID ({@code <id@domain>}); null takes the
 *        sender address's domain
 */
public record SmtpSettings(String host, int port, String username, String password, Duration timeout,
                           SmtpSecurity security, String from, Duration idleTimeout, String messageIdDomain) {
    /** The default timeout for connect, read and write (M1). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(5000);
    /** The default time an idle connection stays open for the next mail of a burst. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** A domain as a Message-ID's right-hand side may carry it (dot-atom of letters, digits and hyphens). */
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");

    /**
     * Validates every field; a bad one throws {@link IllegalArgumentException} (or NullPointerException for a missing one).
     *
     * @param host see {@link #host()}
     * @param port see {@link #port()}
     * @param username see {@link #username()}
     * @param password see {@link #password()}
     * @param timeout see {@link #timeout()}
     * @param security see {@link #security()}
     * @param from see {@link #from()}
     * @param idleTimeout see {@link #idleTimeout()}
     * @param messageIdDomain see {@link #messageIdDomain()}
     * @throws MailHeaderException if the host, username, sender or Message-ID domain holds a control character
     */
    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        HeaderText.safe(host, "host");
        if (host.isBlank()) throw new IllegalArgumentException("SMTP host must not be blank");
        if (username != null) HeaderText.safe(username, "username");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("SMTP port must be 1-65535, was " + port);
        if (username != null && username.isBlank()) throw new IllegalArgumentException("SMTP username must not be blank; leave it unset for no authentication");
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("SMTP username and password must be set together");
        }
        Objects.requireNonNull(timeout, "timeout");
        // Jakarta Mail takes whole milliseconds as an int, and 0 would mean "wait forever".
        if (timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("SMTP timeout must be between 1 ms and " + Integer.MAX_VALUE + " ms");
        }
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(from, "from");
        parseFrom(from);
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative()) throw new IllegalArgumentException("SMTP idle timeout must not be negative");
        if (messageIdDomain != null) HeaderText.safe(messageIdDomain, "Message-ID domain");
        String idDomain = messageIdDomain != null ? messageIdDomain : domainOf(parseFrom(from));
        if (!DOMAIN.matcher(idDomain).matches()) {
            throw new IllegalArgumentException("SMTP Message-ID domain must be letters, digits, hyphens and dots, was "
                    + idDomain + (messageIdDomain == null ? " (the sender's domain): set messageIdDomain" : ""));
        }
    }

    /**
     * A builder; {@code host} and {@code from} are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from the defaults overlaid with the {@code USERKIT_SMTP_*} settings; values
     * set on the builder afterwards win.
     *
     * @param settings where the {@code USERKIT_SMTP_*} values are read from
     * @return a new builder holding the values found
     * @throws dev.userkit.config.ConfigException naming the variable if a value is malformed
     */
    public static Builder builder(Settings settings) {
        return new Builder().from(settings);
    }

    /**
     * {@link #builder(Settings)} over {@link Settings#standard()} (the environment, then {@code USERKIT_CONFIG_FILE}), built.
     *
     * @return the validated settings
     * @throws dev.userkit.config.ConfigException naming the variable if a value is malformed
     */
    public static SmtpSettings fromEnvironment() {
        return builder(Settings.standard()).build();
    }

    /**
     * Whether the server needs a login.
     *
     * @return true if a username is set
     */
    public boolean authenticates() {
        return username != null;
    }

    /** The sender as a parsed address, its display name (if any) to be encoded as UTF-8 (RFC 2047). */
    InternetAddress fromAddress() {
        return parseFrom(from);
    }

    /** The Message-ID domain in effect: the configured one, else the sender's domain. */
    String effectiveMessageIdDomain() {
        return messageIdDomain != null ? messageIdDomain : domainOf(fromAddress());
    }

    private static String domainOf(InternetAddress address) {
        String a = address.getAddress();
        return a.substring(a.lastIndexOf('@') + 1);
    }

    private static InternetAddress parseFrom(String from) {
        // InternetAddress's own parser takes a folded line break as white space, so check first.
        HeaderText.safe(from, "sender");
        try {
            InternetAddress parsed = new InternetAddress(from, true);
            parsed.validate();
            // Re-made so that a non-ASCII display name is written as an encoded word, not as raw 8-bit bytes.
            return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("SMTP sender address is not valid: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", timeout=" + timeout.toMillis() + "ms"
                + ", security=" + security + ", from=" + from + ", idleTimeout=" + idleTimeout.toMillis() + "ms"
                + ", messageIdDomain=" + messageIdDomain + "]";
    }

    /**
     * Builds {@link SmtpSettings}; defaults: port 587, STARTTLS, timeout 5000 ms, no authentication,
     * idle timeout 30 s, the sender's domain in Message-IDs.
     */
    public static final class Builder {
        private String host;
        private int port = 587;
        private String username;
        private String password;
        private Duration timeout = DEFAULT_TIMEOUT;
        private SmtpSecurity security = SmtpSecurity.STARTTLS;
        private String from;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private String messageIdDomain;

        private Builder() {}

        private Builder from(Settings s) {
            s.string("USERKIT_SMTP_HOST").ifPresent(this::host);
            s.integer("USERKIT_SMTP_PORT").ifPresent(this::port);
            s.string("USERKIT_SMTP_USERNAME").ifPresent(v -> username = v);
            s.string("USERKIT_SMTP_PASSWORD").ifPresent(v -> password = v);
            s.duration("USERKIT_SMTP_TIMEOUT").ifPresent(this::timeout);
            s.choice("USERKIT_SMTP_SECURITY", SmtpSecurity.class).ifPresent(this::security);
            s.string("USERKIT_SMTP_FROM").ifPresent(this::from);
            s.duration("USERKIT_SMTP_IDLE_TIMEOUT").ifPresent(this::idleTimeout);
            s.string("USERKIT_SMTP_MESSAGE_ID_DOMAIN").ifPresent(this::messageIdDomain);
            return this;
        }

        /**
         * The server's host (required).
         *
         * @param v the host name or address
         * @return this builder
         */
        public Builder host(String v) { host = v; return this; }
        /**
         * The server's port; default 587.
         *
         * @param v the port
         * @return this builder
         */
        public Builder port(int v) { port = v; return this; }
        /**
         * Login name and password; both or neither.
         *
         * @param user the login name, or null
         * @param pass the password, or null
         * @return this builder
         */
        public Builder credentials(String user, String pass) { username = user; password = pass; return this; }
        /**
         * Timeout for connect, read and write each; default 5000 ms.
         *
         * @param v the timeout, positive
         * @return this builder
         */
        public Builder timeout(Duration v) { timeout = v; return this; }
        /**
         * Connection security; default {@link SmtpSecurity#STARTTLS}.
         *
         * @param v the connection security
         * @return this builder
         */
        public Builder security(SmtpSecurity v) { security = v; return this; }
        /**
         * The sender address (required).
         *
         * @param v the sender address
         * @return this builder
         */
        public Builder from(String v) { from = v; return this; }
        /**
         * How long a connection stays open after a mail, for the next mail of a burst; zero closes it
         * after every mail. Default 30 s; keep it below the server's own idle limit (often 60 s to 5 min).
         *
         * @param v the idle time, zero or positive
         * @return this builder
         */
        public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }
        /**
         * The domain after the {@code @} of every Message-ID; default the sender address's domain.
         *
         * @param v a domain such as {@code mail.example.com}, or null for the default
         * @return this builder
         */
        public Builder messageIdDomain(String v) { messageIdDomain = v; return this; }

        /**
         * Validates and builds; see {@link SmtpSettings#SmtpSettings} for what is refused.
         *
         * @return the settings
         */
        public SmtpSettings build() {
            return new SmtpSettings(host, port, username, password, timeout, security, from, idleTimeout, messageIdDomain);
        }
    }
}
