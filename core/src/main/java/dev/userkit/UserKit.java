package dev.userkit;

import dev.userkit.access.AccessControl;
import dev.userkit.access.AccessFactory;
import dev.userkit.accounts.Accounts;
import dev.userkit.accounts.AccountsFactory;
import dev.userkit.accounts.Bootstrap;
import dev.userkit.assembly.ServiceHelpers;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.cache.ValidationCache;
import dev.userkit.domain.MillisClock;
import dev.userkit.events.AfterCommit;
import dev.userkit.events.Events;
import dev.userkit.events.GuardedInstrumentation;
import dev.userkit.hooks.Instrumentation;
import dev.userkit.hooks.LinkBuilder;
import dev.userkit.hooks.LoginCheck;
import dev.userkit.hooks.RecipientResolver;
import dev.userkit.hooks.SessionDataBuilder;
import dev.userkit.hooks.UserKitListener;
import dev.userkit.hooks.UserLookup;
import dev.userkit.maintenance.Maintenance;
import dev.userkit.maintenance.MaintenanceFactory;
import dev.userkit.passwords.PasswordHasher;
import dev.userkit.recovery.Recovery;
import dev.userkit.recovery.RecoveryFactory;
import dev.userkit.sessions.Devices;
import dev.userkit.sessions.Sessions;
import dev.userkit.sessions.SessionsFactory;
import dev.userkit.delivery.MessageQueue;
import dev.userkit.delivery.OutboxSender;
import dev.userkit.delivery.PayloadCipher;
import dev.userkit.messages.TemplateRenderer;
import dev.userkit.outbox.Outbox;
import dev.userkit.outbox.OutboxFactory;
import dev.userkit.spi.Mailer;
import dev.userkit.spi.MessageRenderer;
import dev.userkit.spi.SmsSender;
import dev.userkit.spi.Stores;
import dev.userkit.throttling.RateLimiter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The facade: every UserKit service, built once over one set of stores. Use {@link #builder()}
 * without a DI container, or install {@link UserKitModule} with a store module and inject
 * {@code UserKit} (or any single service) with Guice.
 */
public final class UserKit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UserKit.class);
    private final Stores stores;
    private final Accounts accounts;
    private final Sessions sessions;
    private final Recovery recovery;
    private final AccessControl access;
    private final Devices devices;
    private final Bootstrap bootstrap;
    private final Outbox outbox;
    private final Maintenance maintenance;
    private final PasswordHasher hasher;

    /** Assembled by {@link #assemble}, for Guice or {@link Builder#build()}. */
    private UserKit(Stores stores, Accounts accounts, Sessions sessions, Recovery recovery, AccessControl access,
                    Devices devices, Bootstrap bootstrap, Outbox outbox, Maintenance maintenance, PasswordHasher hasher) {
        this.stores = stores;
        this.accounts = accounts;
        this.sessions = sessions;
        this.recovery = recovery;
        this.access = access;
        this.devices = devices;
        this.bootstrap = bootstrap;
        this.outbox = outbox;
        this.maintenance = maintenance;
        this.hasher = hasher;
    }

    /**
     * Accounts: register, verify, find, list, change, delete (A1-A18).
     *
     * @return the account service
     */
    public Accounts accounts() { return accounts; }

    /**
     * Sessions: login, validate, logout, list, kill (S1-S8, S10).
     *
     * @return the session service
     */
    public Sessions sessions() { return sessions; }

    /**
     * Recovery: forgot password or username, resets (C1-C7).
     *
     * @return the recovery service
     */
    public Recovery recovery() { return recovery; }

    /**
     * Roles, permissions, grants and authorisation (R1-R4).
     *
     * @return the role and authorisation service
     */
    public AccessControl access() { return access; }

    /**
     * Device control (D1).
     *
     * @return the device-control service
     */
    public Devices devices() { return devices; }

    /**
     * Root user and admin role (R5).
     *
     * @return the root-user bootstrap
     */
    public Bootstrap bootstrap() { return bootstrap; }

    /**
     * The outbox every mail and text message waits in until a sender delivers it (M2, REL-8):
     * {@link Outbox#start()} it, or call {@link Outbox#deliverPending()} from your scheduler.
     *
     * @return the outbox service
     */
    public Outbox outbox() { return outbox; }

    /**
     * Scheduled maintenance (W6, REL-9): the purge of expired sessions, unverified accounts, expired
     * codes, ended counters and old outbox rows, one instance of a cluster at a time.
     * {@link Maintenance#start()} it, or call {@link Maintenance#runOnce()} from your scheduler.
     *
     * @return the maintenance service
     */
    public Maintenance maintenance() { return maintenance; }

    /**
     * How many password hashes or verifications run at this moment (REL-6): at most
     * {@link UserKitConfig#maxConcurrentHashes()}, the rest wait. What a metrics gauge reads (W6).
     *
     * @return the hashes in flight now
     */
    public int passwordHashesInFlight() { return hasher.inFlight(); }

    /**
     * How many password hashes or verifications wait for one of the
     * {@link UserKitConfig#maxConcurrentHashes()} permits now (REL-6): above zero, logins queue.
     * What a metrics gauge reads (W6).
     *
     * @return the hashes waiting now
     */
    public int passwordHashesWaiting() { return hasher.waiting(); }

    /**
     * Stops the maintenance scheduler (finishing its batch in hand) and the outbox's background sender
     * (finishing the message in hand), then closes the stores
     * this kit was built over ({@link Stores#close()}: the pool or client a store module opened;
     * nothing when they run over the application's own data source or client). The services must
     * not be used afterwards.
     *
     * @throws dev.userkit.StoreException if a resource fails to close
     */
    @Override
    public void close() {
        maintenance.stop();
        outbox.stop();
        stores.close();
    }

    /**
     * A builder for use without Guice.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Plain-Java assembly. Only {@link #stores(Stores)} is required. */
    public static final class Builder {
        private Stores stores;
        private UserKitConfig config;
        private Clock clock = Clock.systemUTC();
        private Mailer mailer;
        private boolean mailSentElsewhere;
        private SmsSender sms;
        private final List<UserKitListener> listeners = new ArrayList<>();
        private final List<LoginCheck> loginChecks = new ArrayList<>();
        private SessionDataBuilder sessionData = SessionDataBuilder.IDENTITY;
        private RecipientResolver recipients = RecipientResolver.IDENTITY;
        private UserLookup userLookup = UserLookup.NONE;
        private LinkBuilder links = LinkBuilder.CODE_ONLY;
        private MessageRenderer renderer = new TemplateRenderer();
        private Instrumentation instrumentation = Instrumentation.NONE;

        private Builder() {}

        /**
         * The store bundle (required), e.g. {@code InMemoryStores.create()}; {@link UserKit#close()} closes it.
         *
         * @param v the stores of every port
         * @return this builder
         */
        public Builder stores(Stores v) { stores = v; return this; }
        /**
         * The configuration; default {@link UserKitConfig#defaults()}.
         *
         * @param v the configuration
         * @return this builder
         */
        public Builder config(UserKitConfig v) { config = v; return this; }
        /**
         * The clock; default system UTC.
         *
         * @param v the clock every expiry is measured with
         * @return this builder
         */
        public Builder clock(Clock v) { clock = v; return this; }
        /**
         * The mail port; without one, codes are only returned to the caller and reset by email answers 802.
         *
         * @param v the mailer
         * @return this builder
         */
        public Builder mailer(Mailer v) { mailer = v; return this; }
        /**
         * Queues mail into the outbox as a kit with a mailer does, for another process over the same
         * store to deliver: the server, whose outbox sender sends it. For a short-lived tool such as the
         * admin CLI, which has no mailer and would otherwise queue no verification mail. This kit sends
         * nothing itself: its {@link Outbox#start()} and {@link Outbox#deliverPending()} throw
         * {@link IllegalStateException}, so that it never claims a message it cannot send. Not together
         * with {@link #mailer(Mailer)}.
         *
         * @return this builder
         */
        public Builder mailSentElsewhere() { mailSentElsewhere = true; return this; }
        /**
         * The SMS port; without one, reset by phone answers 803.
         *
         * @param v the SMS sender
         * @return this builder
         */
        public Builder sms(SmsSender v) { sms = v; return this; }
        /**
         * Adds an audit listener (H3).
         *
         * @param v a listener for audit events
         * @return this builder
         */
        public Builder listener(UserKitListener v) { listeners.add(Objects.requireNonNull(v)); return this; }
        /**
         * Adds a login check (H2).
         *
         * @param v a check run at each login
         * @return this builder
         */
        public Builder loginCheck(LoginCheck v) { loginChecks.add(Objects.requireNonNull(v)); return this; }
        /**
         * Sets the session-data builder (H2).
         *
         * @param v the session-data builder
         * @return this builder
         */
        public Builder sessionData(SessionDataBuilder v) { sessionData = Objects.requireNonNull(v); return this; }
        /**
         * Sets the recipient resolver (H2).
         *
         * @param v the recipient resolver
         * @return this builder
         */
        public Builder recipients(RecipientResolver v) { recipients = Objects.requireNonNull(v); return this; }
        /**
         * Sets a custom user lookup (H2).
         *
         * @param v the user lookup
         * @return this builder
         */
        public Builder userLookup(UserLookup v) { userLookup = Objects.requireNonNull(v); return this; }
        /**
         * Sets the link builder for mailed codes (M1).
         *
         * @param v the link builder
         * @return this builder
         */
        public Builder links(LinkBuilder v) { links = Objects.requireNonNull(v); return this; }
        /**
         * Sets the renderer the outbox turns messages into mail and texts with at delivery (M3);
         * default: the shipped templates and bundles ({@link TemplateRenderer}).
         *
         * @param v the renderer
         * @return this builder
         */
        public Builder renderer(MessageRenderer v) { renderer = Objects.requireNonNull(v); return this; }
        /**
         * Sets what the services report for metrics (W6), e.g. {@code userkit-micrometer}'s
         * {@code UserKitMetrics}; default {@link Instrumentation#NONE}. An exception it throws is
         * logged and never fails an operation.
         *
         * @param v the instrumentation
         * @return this builder
         */
        public Builder instrumentation(Instrumentation v) { instrumentation = Objects.requireNonNull(v); return this; }

        /**
         * Builds the services.
         *
         * @return the services over the configured stores and ports
         */
        public UserKit build() {
            Objects.requireNonNull(stores, "stores");
            requireNoMailer(mailSentElsewhere, mailer);
            return assemble(context(stores, config == null ? UserKitConfig.defaults() : config, clock, mailer, sms,
                    listeners, loginChecks, sessionData, recipients, userLookup, links, renderer, instrumentation), mailSentElsewhere);
        }
    }

    /** Builds the shared context; also used by {@link UserKitModule}. */
    static UserKitContext context(Stores given, UserKitConfig config, Clock appClock, Mailer mailer, SmsSender sms,
                                  List<UserKitListener> listeners, List<LoginCheck> checks, SessionDataBuilder data,
                                  RecipientResolver recipients, UserLookup lookup, LinkBuilder links, MessageRenderer renderer,
                                  Instrumentation instrumentation) {
        Clock clock = MillisClock.of(appClock);
        // only here is the cache's class named, so with it off nothing that needs Caffeine is loaded
        Stores cached = config.validationCache().enabled() ? ValidationCache.install(given, config.validationCache(), clock) : given;
        AfterCommit afterCommit = new AfterCommit();
        Stores stores = cached.withUnitOfWork(afterCommit.around(cached.unitOfWork()));
        PasswordHasher hasher = new PasswordHasher(config.passwordHashing(), config.maxConcurrentHashes(), config.pepper());
        return new UserKitContext(stores, config, clock, hasher, new Events(listeners, clock),
                new RateLimiter(stores.attempts(), clock), mailer, sms, checks, data, recipients, lookup, links, renderer,
                new GuardedInstrumentation(instrumentation), afterCommit);
    }

    /** Refuses a mailer to a kit whose mail another process sends; also used by {@link UserKitModule}. */
    static void requireNoMailer(boolean mailSentElsewhere, Mailer mailer) {
        if (mailSentElsewhere && mailer != null) throw new IllegalStateException("mailSentElsewhere() is for a kit without a mailer");
    }

    /** The services over a context; {@code mailSentElsewhere} as {@link Builder#mailSentElsewhere()}. Also used by {@link UserKitModule}. */
    static UserKit assemble(UserKitContext ctx, boolean mailSentElsewhere) {
        logStart(ctx.config());
        PayloadCipher cipher = new PayloadCipher(ctx.config().keyRing());
        Outbox outbox = outbox(ctx, cipher, mailSentElsewhere);
        ServiceHelpers helpers = ServiceHelpers.of(ctx, new MessageQueue(ctx.stores().outbox(), cipher, ctx.clock(), ctx.config(),
                ctx.links(), ctx.recipients(), ctx.mailer() != null || mailSentElsewhere, ctx.sms() != null, () -> OutboxFactory.wake(outbox),
                ctx.instrumentation(), ctx.afterCommit()));
        Accounts accounts = AccountsFactory.accounts(helpers);
        Devices devices = SessionsFactory.devices(helpers);
        Sessions sessions = SessionsFactory.sessions(helpers, devices);
        return new UserKit(ctx.stores(), accounts, sessions, RecoveryFactory.recovery(helpers), AccessFactory.accessControl(helpers, sessions, devices),
                devices, AccountsFactory.bootstrap(helpers, accounts, devices), outbox,
                MaintenanceFactory.maintenance(ctx.stores(), ctx.config(), ctx.clock(), accounts), ctx.hasher());
    }

    private static Outbox outbox(UserKitContext ctx, PayloadCipher cipher, boolean sentElsewhere) {
        dev.userkit.spi.OutboxStore store = ctx.stores().outbox();
        OutboxSettings settings = ctx.config().outbox();
        OutboxSender sender = sentElsewhere ? null : new OutboxSender(store, cipher, ctx.renderer(), ctx.mailer(), ctx.sms(), ctx.clock(),
                settings, ctx.instrumentation());
        return OutboxFactory.outbox(store, sender, settings, ctx.clock());
    }

    // The store logs where it runs and its schema version when it opens; this line adds what only the
    // kit knows, so one start-up shows every version an operator needs (never any key material).
    private static void logStart(UserKitConfig config) {
        KeyRing ring = config.keyRing();
        LOG.info("UserKit ready: key ring version {} of {}{}, pepper {}, password hashing {}, key ring required: {}",
                ring.currentVersion(), ring.versions(), ring.isEphemeral() ? " (ephemeral)" : "",
                config.pepper() == null ? "none" : "version " + config.pepper().currentVersion(),
                config.passwordHashing(), config.requireKeyRing());
    }
}
