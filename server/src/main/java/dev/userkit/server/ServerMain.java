package dev.userkit.server;

import picocli.CommandLine;

/** {@code java -jar userkit-server.jar [flags]}: see {@link ServerCommand} and the README's "Server" section. */
public final class ServerMain {
    private ServerMain() {}

    /**
     * Starts the server and returns when it has stopped (SIGTERM or Ctrl-C stops it gracefully);
     * exits with 2 on a bad flag and 1 when the start fails.
     *
     * @param args the flags
     */
    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new ServerCommand(System.out));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            System.err.println("UserKit server failed to start: " + e.getMessage());
            org.slf4j.LoggerFactory.getLogger(ServerMain.class).error("Start failed", e);
            return 1;
        });
        int code = cli.execute(args);
        // a stopped server returns 0 from inside a shutdown hook's wait: exiting again would block
        if (code != 0) System.exit(code);
    }
}
