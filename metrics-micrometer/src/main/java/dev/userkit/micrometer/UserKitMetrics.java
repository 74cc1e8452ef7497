package dev.userkit.micrometer;

import dev.userkit.UserKit;
import dev.userkit.hooks.Instrumentation;
import dev.userkit.hooks.LoginOutcome;
import dev.userkit.hooks.ResetChannel;
import dev.userkit.outbox.Outbox;
import dev.userkit.spi.MessageKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * UserKit's metrics on a Micrometer {@link MeterRegistry} (W6): counters of registrations, logins
 * by outcome, lockouts, resets, and mails and texts by kind and state; timers of login, validation
 * and authorisation; gauges of the password hashes in flight and the outbox backlog. Every tag value
 * comes from a closed enum (lower case) or a fixed pair of words, never from a user: a bounded
 * number of series, and no personal data in the metrics backend.
 *
 * <pre>{@code
 * UserKitMetrics m = new UserKitMetrics(registry);
 * UserKit kit = UserKit.builder()...instrumentation(m).build();
 * m.bindGauges(kit);
 * }</pre>
 *
 * <p>Every counter and timer is registered in the constructor, so a dashboard sees zeros before
 * the first login, and each report is one look-up in a prebuilt table plus one increment. Timers
 * publish no percentile histogram unless the registry's configuration asks for one
 * ({@code MeterFilter}, or Spring Boot's {@code management.metrics.distribution.*}). The meters are
 * listed in the README's metrics table.
 */
public final class UserKitMetrics implements Instrumentation {
    private static final String OUTCOME = "outcome";
    private static final String RESULT = "result";
    private static final String DECISION = "decision";
    private static final String CHANNEL = "channel";
    private static final String KIND = "kind";
    private static final String STATE = "state";

    private final MeterRegistry registry;
    private final Counter registrations;
    private final Counter lockouts;
    private final Map<LoginOutcome, Counter> logins;
    private final Map<LoginOutcome, Timer> loginTimes;
    private final Map<ResetChannel, Counter> resetsRequested;
    private final Map<ResetChannel, Counter> resetsCompleted;
    private final Map<MessageKind, Counter> queued;
    private final Map<MessageKind, Counter> delivered;
    private final Map<MessageKind, Counter> dead;
    private final Counter valid;
    private final Counter invalid;
    private final Timer validTime;
    private final Timer invalidTime;
    private final Counter allowed;
    private final Counter denied;
    private final Timer allowedTime;
    private final Timer deniedTime;

    /**
     * Registers every counter and timer on this registry.
     *
     * @param registry where the meters live
     */
    public UserKitMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        registrations = counter("userkit.registrations", "accounts registered (sign-ups)");
        lockouts = counter("userkit.lockouts", "attempt counters that passed their limit: lockouts started");
        logins = byEnum(LoginOutcome.class, o -> counter("userkit.logins", "logins finished, by outcome", OUTCOME, tag(o)));
        loginTimes = byEnum(LoginOutcome.class, o -> timer("userkit.login", "time a login took, by outcome", OUTCOME, tag(o)));
        resetsRequested = byEnum(ResetChannel.class,
                c -> counter("userkit.resets.requested", "password resets requested, by channel", CHANNEL, tag(c)));
        resetsCompleted = byEnum(ResetChannel.class,
                c -> counter("userkit.resets.completed", "password resets completed, by channel", CHANNEL, tag(c)));
        queued = mails("queued");
        delivered = mails("delivered");
        dead = mails("dead");
        valid = counter("userkit.validations", "session tokens validated, by result", RESULT, "valid");
        invalid = counter("userkit.validations", "session tokens validated, by result", RESULT, "invalid");
        validTime = timer("userkit.validation", "time a token validation took, by result", RESULT, "valid");
        invalidTime = timer("userkit.validation", "time a token validation took, by result", RESULT, "invalid");
        allowed = counter("userkit.authorizations", "authorisation decisions, by decision", DECISION, "allowed");
        denied = counter("userkit.authorizations", "authorisation decisions, by decision", DECISION, "denied");
        allowedTime = timer("userkit.authorization", "time an authorisation decision took, by decision", DECISION, "allowed");
        deniedTime = timer("userkit.authorization", "time an authorisation decision took, by decision", DECISION, "denied");
    }

    /**
     * Registers the gauges that read this kit: {@code userkit.hashes.active} (password hashes
     * running now, REL-6) and {@code userkit.outbox.backlog} (messages waiting for delivery, one
     * bounded count on the store per reading, at most {@link Outbox#BACKLOG_LIMIT}).
     * The registry holds the kit weakly, as Micrometer does for gauges; bind one kit per registry.
     *
     * @param kit the kit whose gauges to read
     */
    public void bindGauges(UserKit kit) {
        Objects.requireNonNull(kit, "kit");
        Gauge.builder("userkit.hashes.active", kit, UserKit::passwordHashesInFlight)
                .description("password hashes and verifications running now (at most maxConcurrentHashes)")
                .baseUnit("hashes").register(registry);
        Gauge.builder("userkit.outbox.backlog", kit, k -> k.outbox().backlog())
                .description("outbox messages waiting for delivery (counted up to " + Outbox.BACKLOG_LIMIT + ")")
                .baseUnit("messages").register(registry);
    }

    @Override
    public void registered() {
        registrations.increment();
    }

    @Override
    public void loginFinished(LoginOutcome outcome, long nanos) {
        logins.get(outcome).increment();
        loginTimes.get(outcome).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void lockedOut() {
        lockouts.increment();
    }

    @Override
    public void resetRequested(ResetChannel channel) {
        resetsRequested.get(channel).increment();
    }

    @Override
    public void resetCompleted(ResetChannel channel) {
        resetsCompleted.get(channel).increment();
    }

    @Override
    public void messageQueued(MessageKind kind) {
        queued.get(kind).increment();
    }

    @Override
    public void messageDelivered(MessageKind kind) {
        delivered.get(kind).increment();
    }

    @Override
    public void messageDead(MessageKind kind) {
        dead.get(kind).increment();
    }

    @Override
    public void validated(boolean isValid, long nanos) {
        (isValid ? valid : invalid).increment();
        (isValid ? validTime : invalidTime).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void authorized(boolean isAllowed, long nanos) {
        (isAllowed ? allowed : denied).increment();
        (isAllowed ? allowedTime : deniedTime).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Map<MessageKind, Counter> mails(String state) {
        return byEnum(MessageKind.class, k -> counter("userkit.mails", "mails and text messages, by kind and state",
                KIND, tag(k), STATE, state));
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    private Timer timer(String name, String description, String... tags) {
        return Timer.builder(name).description(description).tags(tags).register(registry);
    }

    private static <E extends Enum<E>, M> Map<E, M> byEnum(Class<E> type, Function<E, M> meter) {
        Map<E, M> meters = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) meters.put(e, meter.apply(e));
        return meters;
    }

    // Micrometer's convention: lower-case tag values
    private static String tag(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
