package dev.userkit.cli;

import dev.userkit.config.Settings;
import dev.userkit.launch.Launch;
import dev.userkit.launch.LaunchSettings;
import dev.userkit.launch.SchemaTool;

/**
 * The real database, opened by {@link Launch} as the server opens it. The kit has no mailer, so it
 * queues no mail: a PENDING user created here asks for its verification mail again through the
 * server (or is created {@code --active}).
 */
final class LaunchedKits implements KitSource {
    @Override
    public OpenedKit open(LaunchSettings launch, Settings all) {
        Launch opened = Launch.open(launch, all);
        try {
            return new OpenedKit(opened.kit().build(), opened);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    @Override
    public void migrate(LaunchSettings launch, Settings all) {
        SchemaTool.migrate(launch, all);
    }

    @Override
    public void validate(LaunchSettings launch, Settings all) {
        SchemaTool.validate(launch, all);
    }
}
