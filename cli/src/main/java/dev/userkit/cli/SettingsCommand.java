package dev.userkit.cli;

import dev.userkit.config.ConfigException;
import dev.userkit.config.Settings;
import dev.userkit.launch.LaunchOptions;
import dev.userkit.launch.LaunchSettings;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command that works from the settings: the database flags it shares with the server
 * ({@link LaunchOptions}) in front of the environment, {@code --json}, {@code --help}. A bad
 * setting is a usage error (exit 2) naming the flag, or the variable when it came from the environment.
 */
abstract class SettingsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    LaunchOptions launch;
    @Option(names = "--json", description = "answer in JSON (one object, or an array for lists) for scripts")
    boolean json;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    final Cli cli;

    SettingsCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public final Integer call() throws Exception {
        Map<String, String> flags = launch.flags();
        Settings all = Settings.of(flags).orElse(cli.settings());
        Report report;
        try {
            LaunchSettings settings = LaunchSettings.read(all);
            launch.checkDbUrl(spec.commandLine(), settings.store());
            report = run(settings, all);
        } catch (ConfigException e) {
            throw usage(LaunchOptions.flagOf(spec, e.setting(), flags) + e.getMessage());
        }
        report.print(cli.out(), json);
        return 0;
    }

    /** Does the command's work; its answer is printed as text or JSON. */
    abstract Report run(LaunchSettings settings, Settings all) throws Exception;

    /** A usage error (exit 2) with this message, which should name the flag or argument. */
    final ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
