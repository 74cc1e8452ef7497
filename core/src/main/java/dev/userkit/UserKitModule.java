package dev.userkit;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.userkit.access.AccessControl;
import dev.userkit.accounts.Accounts;
import dev.userkit.accounts.Bootstrap;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.hooks.Instrumentation;
import dev.userkit.hooks.LinkBuilder;
import dev.userkit.hooks.LoginCheck;
import dev.userkit.hooks.RecipientResolver;
import dev.userkit.hooks.SessionDataBuilder;
import dev.userkit.hooks.UserKitListener;
import dev.userkit.hooks.UserLookup;
import dev.userkit.recovery.Recovery;
import dev.userkit.sessions.Devices;
import dev.userkit.sessions.Sessions;
import dev.userkit.messages.TemplateRenderer;
import dev.userkit.maintenance.Maintenance;
import dev.userkit.outbox.Outbox;
import dev.userkit.spi.Mailer;
import dev.userkit.spi.MessageRenderer;
import dev.userkit.spi.SmsSender;
import dev.userkit.spi.Stores;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Guice wiring for UserKit. Install it together with one store module (which binds
 * {@link Stores}); optionally bind {@link Mailer}, {@link SmsSender} and {@link Clock} with
 * {@code OptionalBinder.newOptionalBinder(binder(), X.class).setBinding()}, and add hooks with
 * {@code Multibinder.newSetBinder(binder(), UserKitListener.class)} (or {@code LoginCheck}); metrics
 * (W6) through {@code OptionalBinder.newOptionalBinder(binder(), Instrumentation.class).setBinding()}.
 * The module has no side effects: it connects to nothing and creates no schema.
 */
public final class UserKitModule extends AbstractModule {
    private final UserKitConfig config;
    private final boolean mailSentElsewhere;

    /** A module with the secure defaults. */
    public UserKitModule() {
        this(UserKitConfig.defaults());
    }

    /**
     * A module with this configuration.
     *
     * @param config the configuration the services run with
     */
    public UserKitModule(UserKitConfig config) {
        this(config, false);
    }

    private UserKitModule(UserKitConfig config, boolean mailSentElsewhere) {
        this.config = config;
        this.mailSentElsewhere = mailSentElsewhere;
    }

    /**
     * A module whose kit queues mail into the outbox for another process over the same store to deliver,
     * as {@link UserKit.Builder#mailSentElsewhere()} builds it: for a tool that binds no {@link Mailer}.
     * Binding a mailer too fails when the kit is provided.
     *
     * @param config the configuration the services run with
     * @return the module
     */
    public static UserKitModule mailSentElsewhere(UserKitConfig config) {
        return new UserKitModule(config, true);
    }

    @Override
    protected void configure() {
        requireBinding(Stores.class);
        OptionalBinder.newOptionalBinder(binder(), Clock.class).setDefault().toInstance(Clock.systemUTC());
        OptionalBinder.newOptionalBinder(binder(), Mailer.class);
        OptionalBinder.newOptionalBinder(binder(), SmsSender.class);
        OptionalBinder.newOptionalBinder(binder(), SessionDataBuilder.class).setDefault().toInstance(SessionDataBuilder.IDENTITY);
        OptionalBinder.newOptionalBinder(binder(), RecipientResolver.class).setDefault().toInstance(RecipientResolver.IDENTITY);
        OptionalBinder.newOptionalBinder(binder(), UserLookup.class).setDefault().toInstance(UserLookup.NONE);
        OptionalBinder.newOptionalBinder(binder(), LinkBuilder.class).setDefault().toInstance(LinkBuilder.CODE_ONLY);
        OptionalBinder.newOptionalBinder(binder(), MessageRenderer.class).setDefault().toInstance(new TemplateRenderer());
        OptionalBinder.newOptionalBinder(binder(), Instrumentation.class).setDefault().toInstance(Instrumentation.NONE);
        Multibinder.newSetBinder(binder(), UserKitListener.class);
        Multibinder.newSetBinder(binder(), LoginCheck.class);
    }

    // One UserKit per injector, assembled as the plain builder does; each service is its part.
    @Provides
    @Singleton
    UserKit userKit(UserKitContext ctx) {
        UserKit.requireNoMailer(mailSentElsewhere, ctx.mailer());
        return UserKit.assemble(ctx, mailSentElsewhere);
    }

    @Provides
    Accounts accounts(UserKit kit) { return kit.accounts(); }

    @Provides
    Sessions sessions(UserKit kit) { return kit.sessions(); }

    @Provides
    Recovery recovery(UserKit kit) { return kit.recovery(); }

    @Provides
    AccessControl access(UserKit kit) { return kit.access(); }

    @Provides
    Devices devices(UserKit kit) { return kit.devices(); }

    @Provides
    Bootstrap bootstrap(UserKit kit) { return kit.bootstrap(); }

    @Provides
    Outbox outbox(UserKit kit) { return kit.outbox(); }

    @Provides
    Maintenance maintenance(UserKit kit) { return kit.maintenance(); }

    @Provides
    @Singleton
    UserKitContext context(Stores stores, Clock clock, Optional<Mailer> mailer, Optional<SmsSender> sms,
                           Set<UserKitListener> listeners, Set<LoginCheck> checks, SessionDataBuilder data,
                           RecipientResolver recipients, UserLookup lookup, LinkBuilder links, MessageRenderer renderer,
                           Instrumentation instrumentation) {
        return UserKit.context(stores, config, clock, mailer.orElse(null), sms.orElse(null), List.copyOf(listeners),
                List.copyOf(checks), data, recipients, lookup, links, renderer, instrumentation);
    }
}
