package dev.userkit.cli;

import dev.userkit.ClientContext;
import dev.userkit.UserKit;
import dev.userkit.accounts.NewUser;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.launch.LaunchSettings;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code users ...}: create, find, list, activate, deactivate, delete and unlock accounts. */
@Command(name = "users", description = "Create, find, list, activate, deactivate, delete and unlock users.",
        mixinStandardHelpOptions = true, version = UserKitCli.VERSION,
        subcommands = {UsersCommand.Create.class, UsersCommand.Find.class, UsersCommand.ListUsers.class,
                UsersCommand.Activate.class, UsersCommand.Deactivate.class, UsersCommand.Delete.class, UsersCommand.Unlock.class})
final class UsersCommand extends GroupCommand {
    /** The largest page {@code users list} answers. */
    static final int MAX_LIMIT = 1000;

    /** {@code users create NAME --email EMAIL --password-stdin [--active]}. */
    @Command(name = "create", description = "Register a user (PENDING until verified, unless --active); the password from stdin or a variable.")
    static final class Create extends KitCommand {
        @Parameters(index = "0", paramLabel = "USERNAME", description = "the new user's username")
        String username;
        @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "the new user's email")
        String email;
        @Option(names = "--active", description = "create the account active, with no verification mail, instead of waiting for its email to be verified")
        boolean active;
        @Mixin
        Secrets password;

        Create(Cli cli) {
            super(cli);
        }

        @Override
        void check() {
            if (!password.given()) throw usage("users create needs --password-stdin or --password-env VARIABLE (never the password as a flag)");
        }

        @Override
        Report run(UserKit kit, LaunchSettings settings) {
            String secret = password.read(cli);
            NewUser user = NewUser.builder(username, email).password(secret).build();
            // --active is an administrator's creation: one write, no verification code and no mail
            User created = active ? kit.accounts().adminCreate(user)
                    : kit.accounts().findById(kit.accounts().register(user, ClientContext.NONE).userId()).orElseThrow();
            return Report.of(UserRows.of(created));
        }
    }

    /** {@code users find NAME-OR-EMAIL}. */
    @Command(name = "find", description = "Show the user with this username or email (605 if none).")
    static final class Find extends KitCommand {
        @Parameters(index = "0", paramLabel = "USER", description = "username or email")
        String user;

        Find(Cli cli) {
            super(cli);
        }

        @Override
        Report run(UserKit kit, LaunchSettings settings) {
            User u = UserRows.find(kit, user);
            Map<String, Object> fields = UserRows.of(u);
            fields.put("roles", kit.access().rolesOf(u.id()).stream().map(r -> r.name()).toList());
            kit.accounts().lockedUntil(u.id()).ifPresent(until -> fields.put("lockedUntil", until.toString()));
            return Report.of(fields);
        }
    }

    /** {@code users list [--after ID] [--limit N]}: one page in id order. */
    @Command(name = "list", description = "List users in id order, one page at a time.")
    static final class ListUsers extends KitCommand {
        @Option(names = "--after", paramLabel = "ID", converter = UserIdConverter.class,
                description = "start after this user id (the last of the previous page)")
        UserId after;
        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "page size, 1-" + MAX_LIMIT + " (default ${DEFAULT-VALUE})")
        int limit;

        ListUsers(Cli cli) {
            super(cli);
        }

        @Override
        void check() {
            if (limit < 1 || limit > MAX_LIMIT) throw usage("--limit must be 1-" + MAX_LIMIT + ", not " + limit);
        }

        @Override
        Report run(UserKit kit, LaunchSettings settings) {
            List<User> page = kit.accounts().list(after, limit);
            Report report = Report.list(UserRows.COLUMNS, page.stream().map(UserRows::of).toList());
            return page.size() == limit ? report.note("more: --after " + page.get(page.size() - 1).id()) : report;
        }
    }

    /** {@code users activate USER}. */
    @Command(name = "activate", description = "Make the account ACTIVE.")
    static final class Activate extends OneUser {
        Activate(Cli cli) {
            super(cli);
        }

        @Override
        Report act(UserKit kit, User u) {
            return Report.of(UserRows.of(kit.accounts().activate(u.id())));
        }
    }

    /** {@code users deactivate USER}. */
    @Command(name = "deactivate", description = "Make the account DISABLED: it cannot log in, its sessions end.")
    static final class Deactivate extends OneUser {
        Deactivate(Cli cli) {
            super(cli);
        }

        @Override
        Report act(UserKit kit, User u) {
            return Report.of(UserRows.of(kit.accounts().deactivate(u.id())));
        }
    }

    /** {@code users delete USER}. */
    @Command(name = "delete", description = "Delete the user and everything it owns.")
    static final class Delete extends OneUser {
        Delete(Cli cli) {
            super(cli);
        }

        @Override
        Report act(UserKit kit, User u) {
            kit.accounts().delete(u.id());
            return Report.of(Report.fields("deleted", u.username().value(), "id", u.id().toString()));
        }
    }

    /** {@code users unlock USER}. */
    @Command(name = "unlock", description = "End a lockout after failed logins (S11).")
    static final class Unlock extends OneUser {
        Unlock(Cli cli) {
            super(cli);
        }

        @Override
        Report act(UserKit kit, User u) {
            boolean wasLocked = kit.accounts().lockedUntil(u.id()).isPresent();
            kit.accounts().unlock(u.id());
            return Report.of(Report.fields("unlocked", u.username().value(), "wasLocked", wasLocked));
        }
    }

    /** A command about one user named by username or email. */
    abstract static class OneUser extends KitCommand {
        @Parameters(index = "0", paramLabel = "USER", description = "username or email")
        String user;

        OneUser(Cli cli) {
            super(cli);
        }

        @Override
        final Report run(UserKit kit, LaunchSettings settings) {
            return act(kit, UserRows.find(kit, user));
        }

        abstract Report act(UserKit kit, User u);
    }

    /** {@code --after} as a user id; a malformed one is a usage error naming the flag. */
    static final class UserIdConverter implements CommandLine.ITypeConverter<UserId> {
        @Override
        public UserId convert(String value) {
            try {
                return UserId.parse(value);
            } catch (RuntimeException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a user id");
            }
        }
    }
}
