package dev.userkit.cli;

/** {@code java -jar userkit-cli.jar COMMAND [flags]}: see {@link UserKitCli} and the README's "Admin CLI" section. */
public final class CliMain {
    private CliMain() {}

    /**
     * Runs one command and exits with its code: 0 done, 1 domain error or failure, 2 bad usage.
     *
     * @param args the command and its flags
     */
    public static void main(String[] args) {
        int code;
        try {
            code = UserKitCli.commandLine(Cli.standard()).execute(args);
        } catch (dev.userkit.config.ConfigException e) {
            // USERKIT_CONFIG_FILE names a file that cannot be read: bad usage, before any command runs
            System.err.println("error: " + e.getMessage());
            code = 2;
        }
        System.exit(code);
    }
}
