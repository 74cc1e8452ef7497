package dev.userkit.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an optional test: it checks a promise only stores with {@link #value()} make. On a store
 * that does not declare the capability it is skipped with the reason; every test without this
 * annotation is required and never skipped. Tagged {@value #TAG}, so a build can select or
 * exclude the optional tests; the display name carries {@link Capability#marker()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Tag(OptionalCapability.TAG)
@ExtendWith(CapabilityCondition.class)
public @interface OptionalCapability {
    /** The JUnit tag of every optional test. */
    String TAG = "optional";

    /**
     * The capability the test needs.
     *
     * @return the capability, declared by the store's {@code supportsX()} hook
     */
    Capability value();
}
