package dev.userkit.accounts;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.ServiceHelpers;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Role;
import dev.userkit.domain.RoleId;
import dev.userkit.domain.UserId;
import dev.userkit.domain.Verb;
import dev.userkit.hooks.UserKitEvent.Type;
import dev.userkit.passwords.PasswordPolicy;
import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.RoleRecord;
import dev.userkit.spi.RoleStore;
import dev.userkit.sessions.Devices;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Creates what bootstrap finds absent (R5), in an order that concurrent first calls survive: the
 * admin role first (a raced insert uses the winner's), then the root user (likewise), then its
 * admin flag and the grant.
 */
final class RootSetup {
    private final UserKitContext ctx;
    private final PasswordPolicy policy;
    private final Accounts accounts;
    private final Devices devices;

    RootSetup(ServiceHelpers helpers, Accounts accounts, Devices devices) {
        this.ctx = helpers.ctx();
        this.policy = helpers.policy();
        this.accounts = accounts;
        this.devices = devices;
    }

    /**
     * See {@link Bootstrap#ensureRoot} and, with {@code firstOnly}, {@link Bootstrap#initialize}. The
     * device token is checked before anything is written; the device is permitted last, once the root holds its role.
     */
    BootstrapResult ensureRoot(String username, String email, String password, RootOptions options, boolean firstOnly) {
        if (options == null) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "Root options are required");
        boolean withDevice = devices.enabled() && (firstOnly || options.deviceToken() != null);
        if (withDevice) Devices.checkToken(options.deviceToken());
        UserId root = accounts.find(username).map(u -> u.id()).orElse(null);
        if (firstOnly && root != null) throw new UserKitException(ErrorCode.USER_EXISTS);
        RoleId role = ensureAdminRole(options.adminPattern());
        boolean created = false;
        String chosen = password;
        if (root == null) {
            if (chosen == null) chosen = policy.generate();
            try {
                root = accounts.createActive(NewUser.builder(username, email).password(chosen).admin(true).build());
                created = true;
            } catch (UserKitException e) {
                // another bootstrap won the race for the same name: use its user (a first set-up gives up)
                if (e.code() != ErrorCode.USER_EXISTS || firstOnly) throw e;
                root = accounts.findByUsername(username).orElseThrow(() -> e).id();
                chosen = password;
            }
        }
        if (!accounts.isAdmin(root)) accounts.setAdmin(root, true);
        if (ctx.stores().roles().grant(root, role)) {
            ctx.events().emit(Type.ROLE_CHANGED, root, null, Map.of("granted", Bootstrap.ADMIN_ROLE));
        }
        if (withDevice) devices.permitToken(root, options.deviceToken());
        return new BootstrapResult(root, role, chosen, created);
    }

    private RoleId ensureAdminRole(String pattern) {
        RoleStore roles = ctx.stores().roles();
        return roles.findByName(Bootstrap.ADMIN_ROLE).map(r -> r.role().id()).orElseGet(() -> {
            boolean full = pattern.equals("/**");
            Role role = new Role(IdGenerator.roleId(), Bootstrap.ADMIN_ROLE, full ? "Full access to every path" : "Access to " + pattern,
                    List.of(new Permission(IdGenerator.permissionId(), full ? Bootstrap.FULL_ACCESS : Bootstrap.API_ACCESS,
                            pattern, EnumSet.allOf(Verb.class))));
            try {
                roles.insert(new RoleRecord(role, 0));
                return role.id();
            } catch (DuplicateKeyException raced) {
                return roles.findByName(Bootstrap.ADMIN_ROLE).orElseThrow(() -> raced).role().id();
            }
        });
    }
}
