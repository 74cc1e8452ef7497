package dev.userkit.cli;

import dev.userkit.config.Settings;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.function.Function;

/**
 * What every command works with: where the kit comes from, the settings behind the flags (the
 * environment and the properties file it names), where answers go and where secrets come from
 * (standard input, or the environment for {@code --password-env}).
 *
 * @param kits where the kit comes from
 * @param settings the settings the flags are put in front of
 * @param out where answers are printed
 * @param in standard input, for {@code --password-stdin}
 * @param env variables by name, for {@code --password-env}
 */
record Cli(KitSource kits, Settings settings, PrintStream out, InputStream in, Function<String, String> env) {
    /** The process's own: the real database, {@link Settings#standard()}, standard output and input, the environment. */
    static Cli standard() {
        return new Cli(new LaunchedKits(), Settings.standard(), System.out, System.in, System::getenv);
    }
}
