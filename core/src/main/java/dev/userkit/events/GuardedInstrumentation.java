package dev.userkit.events;

import dev.userkit.hooks.Instrumentation;
import dev.userkit.hooks.LoginOutcome;
import dev.userkit.hooks.ResetChannel;
import dev.userkit.spi.MessageKind;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's {@link Instrumentation} as the services call it: an exception it throws is
 * caught, logged at WARN the first time its type is seen (a broken metrics backend would otherwise
 * flood the log at every login), and never reaches the operation that reported.
 */
public final class GuardedInstrumentation implements Instrumentation {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedInstrumentation.class);
    private final Instrumentation delegate;
    private final Set<Class<?>> logged = ConcurrentHashMap.newKeySet();

    /**
     * Guards this instrumentation.
     *
     * @param delegate the application's instrumentation, or {@link Instrumentation#NONE}
     */
    public GuardedInstrumentation(Instrumentation delegate) {
        this.delegate = Objects.requireNonNull(delegate, "instrumentation");
    }

    @Override
    public void registered() {
        try {
            delegate.registered();
        } catch (RuntimeException e) {
            failed("registered", e);
        }
    }

    @Override
    public void loginFinished(LoginOutcome outcome, long nanos) {
        try {
            delegate.loginFinished(outcome, nanos);
        } catch (RuntimeException e) {
            failed("loginFinished", e);
        }
    }

    @Override
    public void lockedOut() {
        try {
            delegate.lockedOut();
        } catch (RuntimeException e) {
            failed("lockedOut", e);
        }
    }

    @Override
    public void resetRequested(ResetChannel channel) {
        try {
            delegate.resetRequested(channel);
        } catch (RuntimeException e) {
            failed("resetRequested", e);
        }
    }

    @Override
    public void resetCompleted(ResetChannel channel) {
        try {
            delegate.resetCompleted(channel);
        } catch (RuntimeException e) {
            failed("resetCompleted", e);
        }
    }

    @Override
    public void messageQueued(MessageKind kind) {
        try {
            delegate.messageQueued(kind);
        } catch (RuntimeException e) {
            failed("messageQueued", e);
        }
    }

    @Override
    public void messageDelivered(MessageKind kind) {
        try {
            delegate.messageDelivered(kind);
        } catch (RuntimeException e) {
            failed("messageDelivered", e);
        }
    }

    @Override
    public void messageDead(MessageKind kind) {
        try {
            delegate.messageDead(kind);
        } catch (RuntimeException e) {
            failed("messageDead", e);
        }
    }

    @Override
    public void validated(boolean valid, long nanos) {
        try {
            delegate.validated(valid, nanos);
        } catch (RuntimeException e) {
            failed("validated", e);
        }
    }

    @Override
    public void authorized(boolean allowed, long nanos) {
        try {
            delegate.authorized(allowed, nanos);
        } catch (RuntimeException e) {
            failed("authorized", e);
        }
    }

    private void failed(String method, RuntimeException e) {
        if (logged.add(e.getClass())) {
            LOG.warn("UserKit instrumentation {} failed in {} (further {} are not logged); the operation went on",
                    delegate.getClass().getName(), method, e.getClass().getName(), e);
        }
    }
}
