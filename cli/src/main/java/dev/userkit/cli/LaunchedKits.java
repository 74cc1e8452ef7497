package dev.userkit.cli;

import dev.userkit.config.Settings;
import dev.userkit.launch.Launch;
import dev.userkit.launch.LaunchSettings;
import dev.userkit.launch.SchemaTool;

/**
 * The real database, opened by {@link Launch} as the server opens it. The kit has no mailer: it
 * queues mail into the database's outbox (a PENDING user's verification mail) for the server's
 * outbox sender to deliver, and sends nothing itself, since a command ends before any sender would
 * get to it. The mail carries the code alone: the link to the pages needs the server's address.
 */
final class LaunchedKits implements KitSource {
    @Override
    public OpenedKit open(LaunchSettings launch, Settings all) {
        Launch opened = Launch.open(launch, all);
        try {
            return new OpenedKit(opened.kit().mailSentElsewhere().build(), opened);
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
