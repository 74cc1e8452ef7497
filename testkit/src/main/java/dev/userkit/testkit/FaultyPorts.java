package dev.userkit.testkit;

import dev.userkit.StoreException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;

/** Wraps a port so that chosen methods fail as a database that is down would (REL-5). */
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
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (broken.contains(method.getName())) throw new StoreException("injected fault in " + method.getName());
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
