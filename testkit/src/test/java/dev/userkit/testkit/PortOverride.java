package dev.userkit.testkit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * The one delegating base of the self-test's broken stores: a subclass declares public methods
 * with a port method's signature, and {@link #asPort()} answers those itself and hands every
 * other call to the wrapped store, so each broken store states only what it breaks.
 *
 * @param <T> the port
 */
abstract class PortOverride<T> {
    private final Class<T> port;
    /** The correct store being broken. */
    protected final T delegate;

    PortOverride(Class<T> port, T delegate) {
        this.port = port;
        this.delegate = delegate;
    }

    /** The port: this object's methods where it declares them, the delegate's otherwise. */
    final T asPort() {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            Method own = overriding(method);
            try {
                return own != null ? own.invoke(this, args) : method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    private Method overriding(Method portMethod) {
        try {
            Method own = getClass().getMethod(portMethod.getName(), portMethod.getParameterTypes());
            if (own.getDeclaringClass() == Object.class) return null;
            own.setAccessible(true);
            return own;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
