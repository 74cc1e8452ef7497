package dev.userkit.cli;

import dev.userkit.UserKitException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: nouns then verbs (the README's "Admin CLI" table). Exit codes: 0 done, 1 a
 * domain error (printed with its {@link dev.userkit.ErrorCode} number and name) or a failure of the
 * database, 2 bad usage (the message names the flag or argument).
 */
@Command(name = "userkit-cli", mixinStandardHelpOptions = true, version = UserKitCli.VERSION,
        description = "Administers UserKit on the server's database (the same USERKIT_* settings and flags as the server).",
        footer = "Every flag has a USERKIT_* environment variable; the flag wins. See the README's Admin CLI section.",
        subcommands = {SchemaCommand.class, BootstrapCommand.class, UsersCommand.class, RolesCommand.class,
                PurgeCommand.class, KeyringCommand.class, ConfigCommand.class})
final class UserKitCli extends GroupCommand {
    /** What {@code --version} prints. */
    static final String VERSION = "UserKit admin CLI 0.1.0-SNAPSHOT";

    private UserKitCli() {}

    /** The command line over {@code cli}, with the exit codes above. */
    static CommandLine commandLine(Cli cli) {
        CommandLine line = new CommandLine(UserKitCli.class, new Factory(cli));
        // help and version go where the answers go
        line.setOut(new PrintWriter(new OutputStreamWriter(cli.out(), StandardCharsets.UTF_8), true));
        line.setExecutionExceptionHandler((e, failed, parsed) -> {
            failed.getErr().println(describe(e));
            failed.getErr().flush();
            return 1;
        });
        return line;
    }

    /** {@code error 605 USER_NOT_FOUND: ...} for a domain error, the failure's message otherwise (never a secret: the kit's messages carry none). */
    static String describe(Exception e) {
        if (e instanceof UserKitException u) return "error " + u.code().number() + " " + u.code().name() + ": " + u.getMessage();
        return "error: " + e.getMessage() + (e.getCause() != null && e.getCause().getMessage() != null
                && !e.getCause().getMessage().equals(e.getMessage()) ? " (" + e.getCause().getMessage() + ")" : "");
    }

    /** Makes the commands that take the {@link Cli}, and everything else as picocli would. */
    private record Factory(Cli cli) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> withCli = type.getDeclaredConstructor(Cli.class);
                return withCli.newInstance(cli);
            } catch (NoSuchMethodException none) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
