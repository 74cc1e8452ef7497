package dev.userkit.cli;

import dev.userkit.config.Settings;
import dev.userkit.launch.LaunchSettings;

/**
 * Where the commands get their kit and their schema actions: {@link LaunchedKits} opens the
 * database the settings name, as the server does; the in-process tests hand in a kit over the
 * in-memory store.
 */
interface KitSource {
    /** The kit over the database {@code launch} names, with the schema handled as the settings say. */
    OpenedKit open(LaunchSettings launch, Settings all);

    /** Brings the schema up to date. */
    void migrate(LaunchSettings launch, Settings all);

    /** Checks that the schema is current, changing nothing; a StoreException when it is not. */
    void validate(LaunchSettings launch, Settings all);

    /** A kit and what to close after it (the embedded PostgreSQL). */
    record OpenedKit(dev.userkit.UserKit kit, AutoCloseable after) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            try {
                kit.close();
            } finally {
                after.close();
            }
        }
    }
}
