package dev.userkit.cli;

import dev.userkit.config.Settings;
import dev.userkit.launch.Launch;
import dev.userkit.launch.LaunchSettings;
import dev.userkit.launch.SchemaTool;

/**
 * The real database, opened by {@link Launch} as the server opens it. The kit has no mailer: a
 * message it queues (a verification mail) waits in the store's outbox for the server's sender.
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
