package dev.userkit.server;

import dev.userkit.config.ConfigException;
import dev.userkit.config.Settings;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command line (the README's "Server" table). Each flag stands for one {@code USERKIT_*}
 * variable and wins over it: the flags given become a layer of settings read before the
 * environment, so the server, the store modules, SMTP and the kit read one chain with one
 * precedence. A bad value fails the start with a message naming the flag (or the variable).
 */
@Command(name = "userkit-server", sortOptions = false,
        description = "Runs UserKit's HTTP API and pages on an embedded PostgreSQL (default) or an external store.",
        footer = "Every flag has a USERKIT_* environment variable; the flag wins. See the README's Server section.")
final class ServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;
    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port, 0 for a free one (USERKIT_SERVER_PORT; default 8080)")
    Integer port;
    @Option(names = "--bind", paramLabel = "ADDRESS", description = "address to listen on (USERKIT_SERVER_BIND; default 127.0.0.1)")
    String bind;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "key ring and embedded PostgreSQL data (USERKIT_SERVER_DATA_DIR; default ./userkit-data)")
    String dataDir;
    @Option(names = "--store", paramLabel = "STORE", converter = StoreKindConverter.class,
            description = "embedded-postgres, postgres, mariadb or mongo (USERKIT_SERVER_STORE; default embedded-postgres)")
    StoreKind store;
    @Option(names = "--db-url", paramLabel = "URL", description = "the store's connection string (USERKIT_PG_URL, USERKIT_MARIADB_URL or USERKIT_MONGO_URI)")
    String dbUrl;
    @Option(names = "--schema", paramLabel = "MODE", description = "migrate, validate or none (USERKIT_SERVER_SCHEMA; default migrate)")
    String schema;
    @Option(names = "--base-url", paramLabel = "URL", description = "address in mailed links (USERKIT_SERVER_BASE_URL; default http://BIND:PORT)")
    String baseUrl;
    @Option(names = "--shutdown-grace", paramLabel = "DURATION", description = "wait for requests in flight on stop (USERKIT_SERVER_SHUTDOWN_GRACE; default 10s)")
    String shutdownGrace;
    @Option(names = "--smtp-host", paramLabel = "HOST", description = "send mail over SMTP (USERKIT_SMTP_HOST; more in USERKIT_SMTP_*)")
    String smtpHost;
    @Option(names = "--smtp-port", paramLabel = "PORT", description = "SMTP port (USERKIT_SMTP_PORT)")
    Integer smtpPort;
    @Option(names = "--smtp-from", paramLabel = "ADDRESS", description = "sender address (USERKIT_SMTP_FROM)")
    String smtpFrom;

    private final PrintStream out;
    private UserKitServer running;

    ServerCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> flags = flags();
        Settings settings = Settings.of(flags).orElse(Settings.standard());
        try {
            ServerSettings server = ServerSettings.read(settings);
            if (dbUrl != null && server.store().connectionSetting().isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--db-url needs --store postgres, mariadb or mongo");
            }
            running = UserKitServer.start(server, settings, out);
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), flagOf(e.setting(), flags) + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "userkit-server-stop"));
        running.awaitStop();
        return 0;
    }

    /** The flags given, under the names of the variables they stand for. */
    private Map<String, String> flags() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, ServerSettings.PORT, port);
        put(m, ServerSettings.BIND, bind);
        put(m, ServerSettings.DATA_DIR, dataDir);
        put(m, ServerSettings.STORE, store == null ? null : store.flagValue());
        put(m, ServerSettings.SCHEMA, schema);
        put(m, ServerSettings.BASE_URL, baseUrl);
        put(m, ServerSettings.SHUTDOWN_GRACE, shutdownGrace);
        put(m, "USERKIT_SMTP_HOST", smtpHost);
        put(m, "USERKIT_SMTP_PORT", smtpPort);
        put(m, "USERKIT_SMTP_FROM", smtpFrom);
        if (dbUrl != null) {
            StoreKind kind = store != null ? store : Settings.standard().value(ServerSettings.STORE, StoreKind::parse).orElse(StoreKind.EMBEDDED_POSTGRES);
            kind.connectionSetting().ifPresent(name -> m.put(name, dbUrl));
        }
        return m;
    }

    private static void put(Map<String, String> m, String name, Object value) {
        if (value != null) m.put(name, value.toString());
    }

    /** "--port: " when the bad setting came from a flag, nothing when it came from the environment (the message names it). */
    private String flagOf(String setting, Map<String, String> flags) {
        if (!flags.containsKey(setting)) return "";
        return spec.options().stream().filter(o -> o.description().length > 0 && o.description()[0].contains(setting))
                .map(o -> o.longestName() + ": ").findFirst().orElse("");
    }

    /**
     * Stops the server started by {@link #call()}, if any (for tests that run the command in-process).
     */
    void stop() {
        if (running != null) running.close();
    }

    /** {@code --store} by its command-line names. */
    static final class StoreKindConverter implements CommandLine.ITypeConverter<StoreKind> {
        @Override
        public StoreKind convert(String value) {
            try {
                return StoreKind.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
