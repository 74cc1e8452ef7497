package dev.userkit.cli;

import dev.userkit.UserKit;
import dev.userkit.accounts.BootstrapResult;
import dev.userkit.accounts.RootOptions;
import dev.userkit.launch.LaunchSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bootstrap}: the root user ({@code USERKIT_SERVER_ROOT_USER}, {@code _ROOT_EMAIL}, as the
 * server) with the admin role (R5, R6), once: 602 when it exists. A generated password is printed
 * this once, as the server prints it on its first start.
 */
@Command(name = "bootstrap", description = "Create the root user with the admin role, once (602 if done); prints a generated password once.")
final class BootstrapCommand extends KitCommand {
    @Mixin
    Secrets password;

    BootstrapCommand(Cli cli) {
        super(cli);
    }

    @Override
    Report run(UserKit kit, LaunchSettings settings) {
        String given = password.given() ? password.read(cli) : null;
        BootstrapResult root = kit.bootstrap().initialize(settings.rootUser(), settings.rootEmail(), given, RootOptions.fullAccess());
        Report report = Report.of(Report.fields("root", settings.rootUser(), "id", root.rootId().toString(),
                "password", given == null ? root.password() : "(as given)"));
        return given == null ? report.note("Root user '" + settings.rootUser()
                + "' created with the admin role. Its password is shown this once.") : report;
    }
}
