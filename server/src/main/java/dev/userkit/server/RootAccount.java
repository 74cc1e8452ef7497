package dev.userkit.server;

import dev.userkit.UserKit;
import dev.userkit.accounts.BootstrapResult;
import dev.userkit.launch.LaunchSettings;
import java.io.PrintStream;

/**
 * The root user and the admin role (R5), made on the first start. The generated password is
 * printed once, on standard output, at the moment it is made, never logged and never shown again
 * (a later start finds the user and has no password to show).
 */
final class RootAccount {
    private RootAccount() {}

    static void ensure(UserKit kit, LaunchSettings settings, PrintStream out) {
        BootstrapResult root = kit.bootstrap().ensureRoot(settings.rootUser(), settings.rootEmail(), null);
        if (root.created() && root.password() != null) {
            out.println("Root user '" + settings.rootUser() + "' created with the admin role. Its password, shown this once:");
            out.println("    " + root.password());
            out.flush();
        }
    }
}
