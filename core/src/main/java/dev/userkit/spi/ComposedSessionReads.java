package dev.userkit.spi;

import dev.userkit.domain.Role;
import dev.userkit.domain.User;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link SessionReads#composed}: one call per store. */
final class ComposedSessionReads implements SessionReads {
    private final SessionStore sessions;
    private final UserStore users;
    private final RoleStore roles;

    ComposedSessionReads(SessionStore sessions, UserStore users, RoleStore roles) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.users = Objects.requireNonNull(users, "users");
        this.roles = Objects.requireNonNull(roles, "roles");
    }

    @Override
    public Optional<SessionWithUser> findWithUser(String tokenHash) {
        return sessions.findByTokenHash(tokenHash).map(this::withUser);
    }

    @Override
    public Optional<SessionAccess> findWithRoles(String tokenHash) {
        return findWithUser(tokenHash).map(read -> SessionAccess.of(read,
                read.user().map(u -> roles.rolesOf(u.id())).orElse(List.<Role>of())));
    }

    private SessionWithUser withUser(SessionRecord session) {
        if (session.session().userId() == null) return new SessionWithUser(session, Optional.empty(), 0);
        Optional<UserRecord> user = users.findById(session.session().userId());
        return new SessionWithUser(session, user.map(UserRecord::user), user.map(UserRecord::securityStamp).orElse(0L));
    }
}
