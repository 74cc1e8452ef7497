package dev.userkit.cli;

import dev.userkit.UserKit;
import dev.userkit.domain.User;
import dev.userkit.launch.LaunchSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code roles grant|revoke USER ROLE} (R3). */
@Command(name = "roles", description = "Grant or revoke a user's role.", mixinStandardHelpOptions = true, version = UserKitCli.VERSION,
        subcommands = {RolesCommand.Grant.class, RolesCommand.Revoke.class})
final class RolesCommand extends GroupCommand {
    /** {@code roles grant USER ROLE}. */
    @Command(name = "grant", description = "Grant a role to a user (unchanged if it has it).")
    static final class Grant extends UserAndRole {
        Grant(Cli cli) {
            super(cli);
        }

        @Override
        boolean change(UserKit kit, User u) {
            return kit.access().grant(u.id(), role);
        }
    }

    /** {@code roles revoke USER ROLE}. */
    @Command(name = "revoke", description = "Revoke a role from a user (unchanged if it lacks it).")
    static final class Revoke extends UserAndRole {
        Revoke(Cli cli) {
            super(cli);
        }

        @Override
        boolean change(UserKit kit, User u) {
            return kit.access().revoke(u.id(), role);
        }
    }

    /** A change of one user's grant of one role. */
    abstract static class UserAndRole extends KitCommand {
        @Parameters(index = "0", paramLabel = "USER", description = "username or email")
        String user;
        @Parameters(index = "1", paramLabel = "ROLE", description = "the role's name")
        String role;

        UserAndRole(Cli cli) {
            super(cli);
        }

        @Override
        final Report run(UserKit kit, LaunchSettings settings) {
            User u = UserRows.find(kit, user);
            boolean changed = change(kit, u);
            return Report.of(Report.fields("user", u.username().value(), "role", role, "changed", changed,
                    "roles", kit.access().rolesOf(u.id()).stream().map(r -> r.name()).toList()));
        }

        abstract boolean change(UserKit kit, User u);
    }
}
