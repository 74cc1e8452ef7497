package dev.userkit.cli;

import dev.userkit.UserKit;
import dev.userkit.config.Settings;
import dev.userkit.launch.LaunchSettings;

/** A command that works through the kit over the chosen database, closed again when it is done. */
abstract class KitCommand extends SettingsCommand {
    KitCommand(Cli cli) {
        super(cli);
    }

    @Override
    final Report run(LaunchSettings settings, Settings all) throws Exception {
        check();
        try (KitSource.OpenedKit opened = cli.kits().open(settings, all)) {
            return run(opened.kit(), settings);
        }
    }

    /** Checks the arguments before anything opens; throws {@link #usage} on bad ones. */
    void check() {}

    /** Does the command's work through the kit's services. */
    abstract Report run(UserKit kit, LaunchSettings settings);
}
