package dev.userkit.spi;

import java.util.Objects;

/**
 * Everything one storage technology provides: the bundle a store module binds and the
 * conformance testkit checks.
 *
 * @param users accounts
 * @param sessions sessions
 * @param codes one-time codes
 * @param roles roles and grants
 * @param devices devices
 * @param attempts throttling counters
 * @param unitOfWork transactions (or ordered steps)
 */
public record Stores(UserStore users, SessionStore sessions, CodeStore codes, RoleStore roles,
                     DeviceStore devices, AttemptStore attempts, UnitOfWork unitOfWork) {
    /** Checks that every port is present. */
    public Stores {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(attempts, "attempts");
        Objects.requireNonNull(unitOfWork, "unitOfWork");
    }
}
