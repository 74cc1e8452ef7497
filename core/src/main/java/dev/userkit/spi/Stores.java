package dev.userkit.spi;

import java.util.Objects;

/**
 * Everything one storage technology provides: the bundle a store module binds and the
 * conformance testkit checks.
 *
 * <p>Every port keeps instants to at least millisecond precision and gives back exactly the
 * instant it was given when that instant is a whole millisecond (the conformance suite checks
 * this); digits below the millisecond may be lost (MongoDB keeps milliseconds), so the services must
 * truncate the instants they store to milliseconds. Strings are kept and compared exactly (binary, case- and
 * trailing-space-sensitive), and JSON values come back with the same types (long vs double).
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
