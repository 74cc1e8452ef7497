package dev.userkit.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/** Wraps a port so that a benchmark can time or count its calls without a hand-written delegate per method. */
public final class PortInterceptor {
    private PortInterceptor() {}

    /** Makes the intercepted call. */
    @FunctionalInterface
    public interface Call {
        /**
         * @return what the port returned
         * @throws Throwable what the port threw
         */
        Object proceed() throws Throwable;
    }

    /** What happens around each call of the port. */
    @FunctionalInterface
    public interface Around {
        /**
         * @param method the port's method called
         * @param call makes the call on the real port
         * @return what to hand the caller (normally what {@code call} returned)
         * @throws Throwable what to throw to the caller
         */
        Object invoke(Method method, Call call) throws Throwable;
    }

    /**
     * @param port the port's interface
     * @param target the real port
     * @param around what happens around each call
     * @param <T> the port's type
     * @return the wrapped port
     */
    public static <T> T wrap(Class<T> port, T target, Around around) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                (proxy, method, args) -> around.invoke(method, () -> {
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                })));
    }
}
