package dev.userkit.accounts;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Role;
import dev.userkit.domain.RoleId;
import dev.userkit.domain.UserId;
import dev.userkit.domain.Verb;
import dev.userkit.hooks.UserKitEvent.Type;
import dev.userkit.internal.IdGenerator;
import dev.userkit.internal.PasswordPolicy;
import dev.userkit.internal.UserKitContext;
import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.RoleRecord;
import dev.userkit.spi.RoleStore;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Root user and full-access admin role (R5). */
public final class Bootstrap {
    /** The name of the full-access role. */
    public static final String ADMIN_ROLE = "admin";
    /** The name of its single permission: {@code /**} with every verb. */
    public static final String FULL_ACCESS = "full-access";
    private final UserKitContext ctx;
    private final Accounts accounts;

    /**
     * Built by {@link dev.userkit.UserKit} or Guice.
     *
     * @param ctx the stores, configuration, clock and hooks shared by the services
     * @param accounts the account service, which creates the root user
     */
    @Inject
    public Bootstrap(UserKitContext ctx, Accounts accounts) {
        this.ctx = ctx;
        this.accounts = accounts;
    }

    /**
     * Makes sure the root user exists (ACTIVE, admin flag set) and holds the role {@value #ADMIN_ROLE}
     * with full access ({@code /**}, every verb), creating what is absent (R5). Idempotent: a second
     * call changes nothing. Concurrent first calls end with one user and one role.
     *
     * @param username the root user's username
     * @param email the root user's email
     * @param password the root password, or null to generate one
     * @return the ids, and the given password or, when the user was created now, the generated one
     * @throws UserKitException INVALID_USERNAME (900), INVALID_EMAIL (901), 1001-1004 for a weak given password,
     *         USER_EXISTS (602) if the email belongs to another user
     */
    public BootstrapResult ensureRoot(String username, String email, String password) {
        RoleId role = ensureAdminRole();
        UserId root = accounts.find(username).map(u -> u.id()).orElse(null);
        boolean created = false;
        String chosen = password;
        if (root == null) {
            if (chosen == null) chosen = new PasswordPolicy(ctx.config()).generate();
            try {
                root = accounts.createActive(NewUser.builder(username, email).password(chosen).admin(true).build());
                created = true;
            } catch (UserKitException e) {
                // another bootstrap won the race for the same name: use its user
                if (e.code() != ErrorCode.USER_EXISTS) throw e;
                root = accounts.findByUsername(username).orElseThrow(() -> e).id();
                chosen = password;
            }
        }
        if (!accounts.isAdmin(root)) accounts.setAdmin(root, true);
        if (ctx.stores().roles().grant(root, role)) {
            ctx.events().emit(Type.ROLE_CHANGED, root, null, Map.of("granted", ADMIN_ROLE));
        }
        return new BootstrapResult(root, role, chosen, created);
    }

    private RoleId ensureAdminRole() {
        RoleStore roles = ctx.stores().roles();
        return roles.findByName(ADMIN_ROLE).map(r -> r.role().id()).orElseGet(() -> {
            Role role = new Role(IdGenerator.roleId(), ADMIN_ROLE, "Full access to every path",
                    List.of(new Permission(FULL_ACCESS, "/**", EnumSet.allOf(Verb.class))));
            try {
                roles.insert(new RoleRecord(role, 0));
                return role.id();
            } catch (DuplicateKeyException raced) {
                return roles.findByName(ADMIN_ROLE).orElseThrow(() -> raced).role().id();
            }
        });
    }
}
