package dev.userkit.server;

import dev.userkit.config.ConfigException;
import dev.userkit.config.Settings;
import dev.userkit.launch.LaunchOptions;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    @Mixin
    LaunchOptions launch;
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
            launch.checkDbUrl(spec.commandLine(), server.launch().store());
            running = UserKitServer.start(server, settings, out);
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), LaunchOptions.flagOf(spec, e.setting(), flags) + e.getMessage(), e);
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
        put(m, ServerSettings.BASE_URL, baseUrl);
        put(m, ServerSettings.SHUTDOWN_GRACE, shutdownGrace);
        put(m, "USERKIT_SMTP_HOST", smtpHost);
        put(m, "USERKIT_SMTP_PORT", smtpPort);
        put(m, "USERKIT_SMTP_FROM", smtpFrom);
        m.putAll(launch.flags());
        return m;
    }

    private static void put(Map<String, String> m, String name, Object value) {
        if (value != null) m.put(name, value.toString());
    }

    /**
     * Stops the server started by {@link #call()}, if any (for tests that run the command in-process).
     */
    void stop() {
        if (running != null) running.close();
    }
}
