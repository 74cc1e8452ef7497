package dev.userkit.server;

import dev.userkit.config.ConfigException;
import dev.userkit.config.Settings;
import dev.userkit.launch.LaunchSettings;
import java.time.Duration;

/**
 * The server's own settings (the README's "Server" table) and the launch settings it shares with
 * the CLI; the store, SMTP and kit settings are read by their own modules from the same {@link Settings}.
 *
 * @param port the HTTP port (0 picks a free one)
 * @param bind the address to listen on
 * @param baseUrl the address links in mail point to
 * @param shutdownGrace how long a stop waits for requests in flight
 * @param launch the data folder, the store, the schema mode and the root user
 */
public record ServerSettings(int port, String bind, String baseUrl, Duration shutdownGrace, LaunchSettings launch) {
    /** {@code USERKIT_SERVER_PORT}, {@code --port}; default 8080. */
    public static final String PORT = "USERKIT_SERVER_PORT";
    /** {@code USERKIT_SERVER_BIND}, {@code --bind}; default 127.0.0.1. */
    public static final String BIND = "USERKIT_SERVER_BIND";
    /** {@code USERKIT_SERVER_BASE_URL}, {@code --base-url}; default {@code http://BIND:PORT}. */
    public static final String BASE_URL = "USERKIT_SERVER_BASE_URL";
    /** {@code USERKIT_SERVER_SHUTDOWN_GRACE}, {@code --shutdown-grace}; default 10s. */
    public static final String SHUTDOWN_GRACE = "USERKIT_SERVER_SHUTDOWN_GRACE";

    /**
     * Reads every setting, defaults where absent.
     *
     * @param s where to read
     * @return the settings
     * @throws ConfigException naming the variable if a value is malformed or out of range
     */
    public static ServerSettings read(Settings s) {
        int port = s.integer(PORT).orElse(8080);
        if (port < 0 || port > 65535) throw new ConfigException(PORT, PORT + " must be 0-65535, not " + port);
        String bind = s.string(BIND).orElse("127.0.0.1");
        LaunchSettings launch = LaunchSettings.read(s);
        Duration grace = s.duration(SHUTDOWN_GRACE).orElse(Duration.ofSeconds(10));
        if (grace.isNegative()) throw new ConfigException(SHUTDOWN_GRACE, SHUTDOWN_GRACE + " must not be negative");
        return new ServerSettings(port, bind, s.string(BASE_URL).orElse(null), grace, launch);
    }

    /**
     * The address links point to: {@link #baseUrl()}, else this server's own.
     *
     * @param boundPort the port actually listened on
     * @return e.g. {@code http://127.0.0.1:8080}
     */
    public String linkBase(int boundPort) {
        return baseUrl != null ? baseUrl : "http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + boundPort;
    }
}
