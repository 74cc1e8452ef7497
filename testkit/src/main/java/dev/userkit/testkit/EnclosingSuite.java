package dev.userkit.testkit;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands a contract or feature test the {@link StoreConformanceSuite} it is nested in, so that the
 * store's hooks are written once, in the suite, and every nested class reaches them through the
 * outer instance instead of forwarding them itself.
 */
final class EnclosingSuite implements ParameterResolver {
    /** The suite instance around the test of {@code context}, once the test instances exist. */
    static Optional<StoreConformanceSuite> of(ExtensionContext context) {
        return context.getTestInstances().flatMap(i -> i.findInstance(StoreConformanceSuite.class));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == StoreConformanceSuite.class;
    }

    @Override
    public StoreConformanceSuite resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return of(context).orElseThrow(() -> new ParameterResolutionException(context.getRequiredTestClass().getName()
                + " runs only as a @Nested class of a StoreConformanceSuite, which supplies the stores"));
    }
}
