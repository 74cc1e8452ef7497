package dev.userkit.mail.smtp;

import dev.userkit.spi.AttemptStore;
import dev.userkit.spi.CodeStore;
import dev.userkit.spi.DeviceStore;
import dev.userkit.spi.OutboxStore;
import dev.userkit.spi.RoleStore;
import dev.userkit.spi.SessionStore;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UnitOfWork;
import dev.userkit.spi.UserStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * A decorator over every port of a {@link Stores} bundle that records each call as
 * {@code Port.method}, in order, while recording is on: SEC-10's "the same work for a known and an
 * unknown address" read as the same store operations, not as a timing.
 */
final class StoreCalls {
    private final List<String> calls = new ArrayList<>();
    private volatile boolean recording;

    /** The bundle with every port recorded through this log. */
    Stores decorate(Stores s) {
        return s.toBuilder()
                .users(wrap(UserStore.class, s.users()))
                .sessions(wrap(SessionStore.class, s.sessions()))
                .codes(wrap(CodeStore.class, s.codes()))
                .roles(wrap(RoleStore.class, s.roles()))
                .devices(wrap(DeviceStore.class, s.devices()))
                .attempts(wrap(AttemptStore.class, s.attempts()))
                .outbox(wrap(OutboxStore.class, s.outbox()))
                .unitOfWork(wrap(UnitOfWork.class, s.unitOfWork()))
                .build();
    }

    /** The calls made while {@code body} ran, in order. */
    List<String> during(Runnable body) {
        synchronized (calls) {
            calls.clear();
        }
        recording = true;
        try {
            body.run();
        } finally {
            recording = false;
        }
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    private <T> T wrap(Class<T> port, T delegate) {
        String name = port.getSimpleName();
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (recording && method.getDeclaringClass() != Object.class) {
                synchronized (calls) {
                    calls.add(name + "." + method.getName());
                }
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
