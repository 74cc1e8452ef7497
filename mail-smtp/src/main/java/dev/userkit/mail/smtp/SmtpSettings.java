package dev.userkit.mail.smtp;

import dev.userkit.config.Settings;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how {@link SmtpMailModule} sends mail (M1). Immutable and validated on construction,
 * so a bad setting fails at start-up rather than on the first password reset. The password never
 * appears in {@link #toString()}. From outside: {@link #builder(Settings)} reads {@code USERKIT_SMTP_HOST},
 * {@code _PORT}, {@code _USERNAME}, {@code _PASSWORD}, {@code _TIMEOUT} (a duration such as {@code 5s}),
 * {@code _SECURITY} ({@code NONE}, {@code STARTTLS}, {@code TLS}) and {@code _FROM}.
 *
 * @param host the SMTP server's host name or address
 * @param port the SMTP server's port (1-65535)
 * @param username the login, or null to send without authentication
 * @param password the password; required exactly when {@code username} is set
 * @param timeout applied separately to connecting, each read and each write; default 5000 ms
 * @param security plain, STARTTLS (required) or implicit TLS
 * @param from the sender address, optionally with a display name ({@code "Example <no-reply@example.com>"})
 */
public record SmtpSettings(String host, int port, String username, String password, Duration timeout,
                           SmtpSecurity security, String from) {
    /** The default timeout for connect, read and write (M1). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(5000);

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
     */
    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) throw new IllegalArgumentException("SMTP host must not be blank");
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

    /** The sender as a parsed address. */
    InternetAddress fromAddress() {
        return parseFrom(from);
    }

    private static InternetAddress parseFrom(String from) {
        try {
            InternetAddress a = new InternetAddress(from, true);
            a.validate();
            return a;
        } catch (AddressException e) {
            throw new IllegalArgumentException("SMTP sender address is not valid: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", timeout=" + timeout.toMillis() + "ms"
                + ", security=" + security + ", from=" + from + "]";
    }

    /** Builds {@link SmtpSettings}; defaults: port 587, STARTTLS, timeout 5000 ms, no authentication. */
    public static final class Builder {
        private String host;
        private int port = 587;
        private String username;
        private String password;
        private Duration timeout = DEFAULT_TIMEOUT;
        private SmtpSecurity security = SmtpSecurity.STARTTLS;
        private String from;

        private Builder() {}

        private Builder from(Settings s) {
            s.string("USERKIT_SMTP_HOST").ifPresent(this::host);
            s.integer("USERKIT_SMTP_PORT").ifPresent(this::port);
            s.string("USERKIT_SMTP_USERNAME").ifPresent(v -> username = v);
            s.string("USERKIT_SMTP_PASSWORD").ifPresent(v -> password = v);
            s.duration("USERKIT_SMTP_TIMEOUT").ifPresent(this::timeout);
            s.choice("USERKIT_SMTP_SECURITY", SmtpSecurity.class).ifPresent(this::security);
            s.string("USERKIT_SMTP_FROM").ifPresent(this::from);
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
         * Validates and builds; see {@link SmtpSettings#SmtpSettings} for what is refused.
         *
         * @return the settings
         */
        public SmtpSettings build() {
            return new SmtpSettings(host, port, username, password, timeout, security, from);
        }
    }
}
