package dev.userkit.testkit;

import dev.userkit.StoreException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/** Wraps a port so that chosen methods, or chosen calls of one, fail as a database that is down would (REL-5). */
public final class FaultyPorts {
    private FaultyPorts() {}

    /**
     * A view of {@code delegate} whose named methods throw {@link StoreException}; the others pass through.
     *
     * @param <T> the port's type
     * @param port the port's interface
     * @param delegate the working port to wrap
     * @param methods the names of the methods that are to fail
     * @return the failing view
     */
    public static <T> T failing(Class<T> port, T delegate, String... methods) {
        Set<String> broken = Set.of(methods);
        return proxy(port, delegate, (name, args) -> broken.contains(name));
    }

    /**
     * A view of {@code delegate} whose named method throws {@link StoreException}, before doing
     * anything, for the calls whose arguments {@code when} picks; every other call passes through.
     *
     * @param <T> the port's type
     * @param port the port's interface
     * @param delegate the working port to wrap
     * @param method the name of the method that is to fail
     * @param when picks the calls (by their arguments) that fail
     * @return the failing view
     */
    public static <T> T failingWhen(Class<T> port, T delegate, String method, Predicate<Object[]> when) {
        return proxy(port, delegate, (name, args) -> name.equals(method) && when.test(args));
    }

    private static <T> T proxy(Class<T> port, T delegate, BiPredicate<String, Object[]> fails) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (fails.test(method.getName(), args)) throw new StoreException("injected fault in " + method.getName());
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
