package dev.userkit.cli;

import dev.userkit.config.Settings;
import dev.userkit.launch.LaunchSettings;
import dev.userkit.launch.SchemaTool;
import picocli.CommandLine.Command;

/** {@code schema migrate|validate|export} (ST2). */
@Command(name = "schema", description = "Migrate, validate or export the database schema.",
        mixinStandardHelpOptions = true, version = UserKitCli.VERSION,
        subcommands = {SchemaCommand.Migrate.class, SchemaCommand.Validate.class, SchemaCommand.Export.class})
final class SchemaCommand extends GroupCommand {
    /** {@code schema migrate}. */
    @Command(name = "migrate", description = "Bring the schema up to date (a current one is left as it is).")
    static final class Migrate extends SettingsCommand {
        Migrate(Cli cli) {
            super(cli);
        }

        @Override
        Report run(LaunchSettings settings, Settings all) {
            cli.kits().migrate(settings, all);
            return Report.of(Report.fields("schema", "current", "store", settings.store().flagValue()));
        }
    }

    /** {@code schema validate}. */
    @Command(name = "validate", description = "Check that the schema is current, changing nothing (exit 1 if not).")
    static final class Validate extends SettingsCommand {
        Validate(Cli cli) {
            super(cli);
        }

        @Override
        Report run(LaunchSettings settings, Settings all) {
            cli.kits().validate(settings, all);
            return Report.of(Report.fields("schema", "current", "store", settings.store().flagValue()));
        }
    }

    /** {@code schema export}: the SQL only, to standard output. */
    @Command(name = "export", description = "Print the schema's SQL for the chosen database (for a DBA; no database is reached).")
    static final class Export extends SettingsCommand {
        Export(Cli cli) {
            super(cli);
        }

        @Override
        Report run(LaunchSettings settings, Settings all) {
            if (!SchemaTool.hasSql(settings.store())) {
                throw usage("--store: schema export needs a SQL store (embedded-postgres, postgres or mariadb), not "
                        + settings.store().flagValue());
            }
            return Report.text(SchemaTool.exportSql(settings.store(), all));
        }
    }
}
