package dev.userkit.spi;

import dev.userkit.StoreException;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one storage technology provides: the bundle a store module binds and the
 * conformance testkit checks, and the owner of what the store opened (a pool, a client).
 *
 * <p>Every port keeps instants to at least millisecond precision and gives back exactly the
 * instant it was given when that instant is a whole millisecond (the conformance suite checks
 * this); digits below the millisecond may be lost (MongoDB keeps milliseconds), so the services must
 * truncate the instants they store to milliseconds. Strings are kept and compared exactly (binary, case- and
 * trailing-space-sensitive), and JSON values come back with the same types (long vs double).
 *
 * <p>Built with {@link #builder()}; {@link #toBuilder()} and the {@code with*} methods make copies
 * that replace one port (a decorator, a fault injector in a test); replacing the session, user or
 * role store also drops the store's own {@link SessionReads}, so a decorator is never bypassed.
 * Copies share the resources
 * registered with {@link Builder#closeWith}: closing any of them closes those once.
 */
public final class Stores implements AutoCloseable {
    private final UserStore users;
    private final SessionStore sessions;
    private final CodeStore codes;
    private final RoleStore roles;
    private final DeviceStore devices;
    private final AttemptStore attempts;
    private final OutboxStore outbox;
    private final UnitOfWork unitOfWork;
    private final MaintenanceLock maintenanceLock;
    private final SessionReads ownReads;
    private final SessionReads sessionReads;
    private final RevocationFeed revocationFeed;
    private final StoreResources resources;

    private Stores(Builder b) {
        users = Objects.requireNonNull(b.users, "users");
        sessions = Objects.requireNonNull(b.sessions, "sessions");
        codes = Objects.requireNonNull(b.codes, "codes");
        roles = Objects.requireNonNull(b.roles, "roles");
        devices = Objects.requireNonNull(b.devices, "devices");
        attempts = Objects.requireNonNull(b.attempts, "attempts");
        outbox = Objects.requireNonNull(b.outbox, "outbox");
        unitOfWork = Objects.requireNonNull(b.unitOfWork, "unitOfWork");
        maintenanceLock = Objects.requireNonNull(b.maintenanceLock, "maintenanceLock");
        ownReads = b.sessionReads;
        sessionReads = ownReads != null ? ownReads : SessionReads.composed(sessions, users, roles);
        revocationFeed = b.revocationFeed;
        resources = b.resources;
    }

    /**
     * A builder with no port set; {@link Builder#build()} requires every one.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder(StoreResources.none());
    }

    /**
     * A builder holding this bundle's ports and sharing its resources.
     *
     * @return a new builder with this bundle's ports and resources
     */
    public Builder toBuilder() {
        return new Builder(resources).users(users).sessions(sessions).codes(codes).roles(roles).devices(devices)
                .attempts(attempts).outbox(outbox).unitOfWork(unitOfWork).maintenanceLock(maintenanceLock).sessionReads(ownReads).revocationFeed(revocationFeed);
    }

    /**
     * The accounts port.
     *
     * @return accounts
     */
    public UserStore users() { return users; }

    /**
     * The sessions port.
     *
     * @return sessions
     */
    public SessionStore sessions() { return sessions; }

    /**
     * The one-time codes port.
     *
     * @return one-time codes
     */
    public CodeStore codes() { return codes; }

    /**
     * The roles and grants port.
     *
     * @return roles and grants
     */
    public RoleStore roles() { return roles; }

    /**
     * The devices port.
     *
     * @return devices
     */
    public DeviceStore devices() { return devices; }

    /**
     * The throttling counters port.
     *
     * @return throttling counters
     */
    public AttemptStore attempts() { return attempts; }

    /**
     * The outbox port: messages waiting for delivery (REL-8).
     *
     * @return the outbox
     */
    public OutboxStore outbox() { return outbox; }

    /**
     * The transactions port.
     *
     * @return transactions (or ordered steps)
     */
    public UnitOfWork unitOfWork() { return unitOfWork; }

    /**
     * The leases that keep scheduled maintenance to one instance at a time (REL-9).
     *
     * @return the maintenance lock
     */
    public MaintenanceLock maintenanceLock() { return maintenanceLock; }

    /**
     * The hot-path reads of a session with its user (and roles): the store's own if it provided
     * them, else {@link SessionReads#composed} of this bundle's session, user and role stores.
     *
     * @return the session reads
     */
    public SessionReads sessionReads() { return sessionReads; }

    /**
     * The database's announcements of revocations, if the store has them (PostgreSQL); empty means
     * none, and a validation cache then sees another instance's revocations only after its staleness window.
     *
     * @return the store's revocation feed, or empty
     */
    public Optional<RevocationFeed> revocationFeed() { return Optional.ofNullable(revocationFeed); }

    /**
     * A copy with one port replaced.
     *
     * @param v the replacement
     * @return a copy with {@code v} as its user store
     */
    public Stores withUsers(UserStore v) { return toBuilder().users(v).build(); }

    /**
     * A copy with one port replaced.
     *
     * @param v the replacement
     * @return a copy with {@code v} as its session store
     */
    public Stores withSessions(SessionStore v) { return toBuilder().sessions(v).build(); }

    /**
     * A copy with one port replaced.
     *
     * @param v the replacement
     * @return a copy with {@code v} as its code store
     */
    public Stores withCodes(CodeStore v) { return toBuilder().codes(v).build(); }

    /**
     * A copy with one port replaced.
     *
     * @param v the replacement
     * @return a copy with {@code v} as its role store
     */
    public Stores withRoles(RoleStore v) { return toBuilder().roles(v).build(); }

    /**
     * A copy with one port replaced.
     *
     * @param v the replacement
     * @return a copy with {@code v} as its device store
     */
    public Stores withDevices(DeviceStore v) { return toBuilder().devices(v).build(); }

    /**
     * A copy with one port replaced.
     *
     * @param v the replacement
     * @return a copy with {@code v} as its attempt store
     */
    public Stores withAttempts(AttemptStore v) { return toBuilder().attempts(v).build(); }

    /**
     * A copy with one port replaced.
     *
     * @param v the replacement
     * @return a copy with {@code v} as its outbox
     */
    public Stores withOutbox(OutboxStore v) { return toBuilder().outbox(v).build(); }

    /**
     * A copy with one port replaced.
     *
     * @param v the replacement
     * @return a copy with {@code v} as its unit of work
     */
    public Stores withUnitOfWork(UnitOfWork v) { return toBuilder().unitOfWork(v).build(); }

    /**
     * A copy with one port replaced.
     *
     * @param v the replacement
     * @return a copy with {@code v} as its maintenance lock
     */
    public Stores withMaintenanceLock(MaintenanceLock v) { return toBuilder().maintenanceLock(v).build(); }

    /**
     * Closes what the store opened (registered with {@link Builder#closeWith}), newest first, once;
     * later calls do nothing. Stores built over the application's own data source or client own
     * nothing and close nothing.
     *
     * @throws StoreException if a resource fails to close (after trying all of them)
     */
    @Override
    public void close() {
        resources.close();
    }

    /** Assembles a {@link Stores}. */
    public static final class Builder {
        private UserStore users;
        private SessionStore sessions;
        private CodeStore codes;
        private RoleStore roles;
        private DeviceStore devices;
        private AttemptStore attempts;
        private OutboxStore outbox;
        private UnitOfWork unitOfWork;
        private MaintenanceLock maintenanceLock;
        private SessionReads sessionReads;
        private RevocationFeed revocationFeed;
        private StoreResources resources;

        private Builder(StoreResources resources) {
            this.resources = resources;
        }

        /**
         * Sets one port.
         *
         * @param v accounts
         * @return this builder
         */
        public Builder users(UserStore v) { users = v; sessionReads = null; return this; }

        /**
         * Sets one port.
         *
         * @param v sessions
         * @return this builder
         */
        public Builder sessions(SessionStore v) { sessions = v; sessionReads = null; return this; }

        /**
         * Sets one port.
         *
         * @param v one-time codes
         * @return this builder
         */
        public Builder codes(CodeStore v) { codes = v; return this; }

        /**
         * Sets one port.
         *
         * @param v roles and grants
         * @return this builder
         */
        public Builder roles(RoleStore v) { roles = v; sessionReads = null; return this; }

        /**
         * Sets one port.
         *
         * @param v devices
         * @return this builder
         */
        public Builder devices(DeviceStore v) { devices = v; return this; }

        /**
         * Sets one port.
         *
         * @param v throttling counters
         * @return this builder
         */
        public Builder attempts(AttemptStore v) { attempts = v; return this; }

        /**
         * Sets one port.
         *
         * @param v the outbox
         * @return this builder
         */
        public Builder outbox(OutboxStore v) { outbox = v; return this; }

        /**
         * Sets one port.
         *
         * @param v transactions (or ordered steps)
         * @return this builder
         */
        public Builder unitOfWork(UnitOfWork v) { unitOfWork = v; return this; }

        /**
         * Sets one port.
         *
         * @param v the maintenance leases
         * @return this builder
         */
        public Builder maintenanceLock(MaintenanceLock v) { maintenanceLock = v; return this; }

        /**
         * The store's own {@link SessionReads} (a join on SQL). Setting the session, user or role
         * store afterwards drops them, so that a decorator of those stores (a fault injector, a
         * counter) is never bypassed: set these last. Null, the default, composes them from the
         * three stores.
         *
         * @param v the reads, or null for {@link SessionReads#composed}
         * @return this builder
         */
        public Builder sessionReads(SessionReads v) { sessionReads = v; return this; }

        /**
         * The store's {@link RevocationFeed}; null, the default, for none. Replacing a port keeps it:
         * it announces what the database saw, whichever decorator wrote it.
         *
         * @param v the feed, or null
         * @return this builder
         */
        public Builder revocationFeed(RevocationFeed v) { revocationFeed = v; return this; }

        /**
         * Registers something the store opened and {@link Stores#close()} must close (a pool, a client).
         *
         * @param resource closed once, after resources registered later
         * @return this builder
         */
        public Builder closeWith(AutoCloseable resource) {
            resources = resources.and(Objects.requireNonNull(resource, "resource"));
            return this;
        }

        /**
         * The bundle.
         *
         * @return the bundle
         * @throws NullPointerException naming the first port not set
         */
        public Stores build() {
            return new Stores(this);
        }
    }
}
