package dev.userkit.testkit;

import dev.userkit.spi.Stores;
import org.junit.jupiter.api.Nested;

/**
 * The conformance suite (T1). A store proves itself by extending this class and implementing
 * {@link #emptyStores()}; every nested class then runs against it: one contract class per port
 * and the feature suite, with display names that start with the FEATURES.md or SECURITY.md ID.
 */
public abstract class StoreConformanceSuite {
    /**
     * Stores with no data, called before every test. An implementation may return new stores each
     * time or wipe and return the same ones.
     */
    protected abstract Stores emptyStores();

    @Nested
    class SessionFeatures extends dev.userkit.testkit.features.SessionFeatureTests {
        @Override
        protected Stores emptyStores() {
            return StoreConformanceSuite.this.emptyStores();
        }
    }

    @Nested
    class LoginSecurity extends dev.userkit.testkit.features.LoginSecurityTests {
        @Override
        protected Stores emptyStores() {
            return StoreConformanceSuite.this.emptyStores();
        }
    }

    @Nested
    class DeviceFeatures extends dev.userkit.testkit.features.DeviceFeatureTests {
        @Override
        protected Stores emptyStores() {
            return StoreConformanceSuite.this.emptyStores();
        }
    }

    @Nested
    class AccessControlFeatures extends dev.userkit.testkit.features.AccessControlFeatureTests {
        @Override
        protected Stores emptyStores() {
            return StoreConformanceSuite.this.emptyStores();
        }
    }

    @Nested
    class TimingParity extends dev.userkit.testkit.features.TimingParityTests {
        @Override
        protected Stores emptyStores() {
            return StoreConformanceSuite.this.emptyStores();
        }
    }
}
