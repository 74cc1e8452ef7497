package dev.userkit.assembly;

import dev.userkit.UserKitConfig;
import dev.userkit.domain.MillisClock;
import dev.userkit.events.AfterCommit;
import dev.userkit.events.Events;
import dev.userkit.events.GuardedInstrumentation;
import dev.userkit.hooks.LinkBuilder;
import dev.userkit.hooks.LoginCheck;
import dev.userkit.hooks.RecipientResolver;
import dev.userkit.hooks.SessionDataBuilder;
import dev.userkit.hooks.UserLookup;
import dev.userkit.passwords.PasswordHasher;
import dev.userkit.spi.Mailer;
import dev.userkit.spi.MessageRenderer;
import dev.userkit.spi.SmsSender;
import dev.userkit.spi.Stores;
import dev.userkit.throttling.RateLimiter;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What every service shares: the stores, the configuration, the clock, the hasher, the event
 * emitter, the rate limiter and the hooks. Built once by {@link dev.userkit.UserKit} or the Guice module.
 *
 * @param stores the store bundle
 * @param config the configuration
 * @param clock the only source of time (never {@code Instant.now()}), cut to whole milliseconds
 * @param hasher password hashing
 * @param events audit events
 * @param limiter throttling and send-rate counters
 * @param mailer the mail port, or null when none is configured
 * @param sms the SMS port, or null when none is configured
 * @param loginChecks hooks run before a login succeeds
 * @param sessionData hook deciding what a session carries
 * @param recipients hook redirecting mail
 * @param userLookup hook finding a user by another field
 * @param links hook turning codes into links
 * @param renderer renders queued messages at delivery
 * @param instrumentation what the services report for metrics (W6), already guarded so that it never throws
 * @param afterCommit holds back actions until the unit of work of {@code stores} they were asked for in returns
 */
public record UserKitContext(Stores stores, UserKitConfig config, Clock clock, PasswordHasher hasher, Events events,
                             RateLimiter limiter, Mailer mailer, SmsSender sms, List<LoginCheck> loginChecks,
                             SessionDataBuilder sessionData, RecipientResolver recipients, UserLookup userLookup,
                             LinkBuilder links, MessageRenderer renderer, GuardedInstrumentation instrumentation,
                             AfterCommit afterCommit) {
    /**
     * Checks required parts.
     *
     * @param stores see {@link #stores()}
     * @param config see {@link #config()}
     * @param clock see {@link #clock()}
     * @param hasher see {@link #hasher()}
     * @param events see {@link #events()}
     * @param limiter see {@link #limiter()}
     * @param mailer see {@link #mailer()}
     * @param sms see {@link #sms()}
     * @param loginChecks see {@link #loginChecks()}
     * @param sessionData see {@link #sessionData()}
     * @param recipients see {@link #recipients()}
     * @param userLookup see {@link #userLookup()}
     * @param links see {@link #links()}
     * @param renderer see {@link #renderer()}
     * @param instrumentation see {@link #instrumentation()}
     * @param afterCommit see {@link #afterCommit()}
     */
    public UserKitContext {
        Objects.requireNonNull(stores);
        Objects.requireNonNull(config);
        clock = MillisClock.of(Objects.requireNonNull(clock));
        Objects.requireNonNull(hasher);
        Objects.requireNonNull(events);
        Objects.requireNonNull(limiter);
        loginChecks = List.copyOf(loginChecks);
        Objects.requireNonNull(sessionData);
        Objects.requireNonNull(recipients);
        Objects.requireNonNull(userLookup);
        Objects.requireNonNull(links);
        Objects.requireNonNull(renderer);
        Objects.requireNonNull(instrumentation);
        Objects.requireNonNull(afterCommit);
    }
}
