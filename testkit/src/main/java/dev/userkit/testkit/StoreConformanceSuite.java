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
    class AccountsFeature extends dev.userkit.testkit.features.AccountsFeatureTests {
        @Override
        protected Stores emptyStores() { return StoreConformanceSuite.this.emptyStores(); }
    }

    @Nested
    class AccountIntegrity extends dev.userkit.testkit.features.AccountIntegrityTests {
        @Override
        protected Stores emptyStores() { return StoreConformanceSuite.this.emptyStores(); }
    }

    @Nested
    class RecoveryFeature extends dev.userkit.testkit.features.RecoveryFeatureTests {
        @Override
        protected Stores emptyStores() { return StoreConformanceSuite.this.emptyStores(); }
    }

    @Nested
    class OneTimeCodeSecurity extends dev.userkit.testkit.features.OneTimeCodeSecurityTests {
        @Override
        protected Stores emptyStores() { return StoreConformanceSuite.this.emptyStores(); }
    }

    @Nested
    class PasswordSecurity extends dev.userkit.testkit.features.PasswordSecurityTests {
        @Override
        protected Stores emptyStores() { return StoreConformanceSuite.this.emptyStores(); }
    }

    @Nested
    class BootstrapFeature extends dev.userkit.testkit.features.BootstrapFeatureTests {
        @Override
        protected Stores emptyStores() { return StoreConformanceSuite.this.emptyStores(); }
    }

    @Nested
    class IdentityEvent extends dev.userkit.testkit.features.IdentityEventTests {
        @Override
        protected Stores emptyStores() { return StoreConformanceSuite.this.emptyStores(); }
    }
}
