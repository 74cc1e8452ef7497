package dev.userkit.testkit;

import dev.userkit.spi.Stores;
import org.junit.jupiter.api.Nested;

/**
 * The conformance suite (T1). A store proves itself by extending this class and implementing
 * {@link #emptyStores()}; every nested class then runs against it: one contract class per port
 * and the feature suite, with display names that start with the FEATURES.md or SECURITY.md ID.
 * Optional capabilities are declared by overriding {@code supportsX()}; the tests that need one
 * are skipped visibly, with the reason, when it is missing.
 */
public abstract class StoreConformanceSuite {
    /**
     * Stores with no data, called before every test. An implementation may return new stores each
     * time or wipe and return the same ones.
     */
    protected abstract Stores emptyStores();

    /**
     * Whether the store's unit of work is a transaction that rolls back when the work throws.
     * SQL stores return true; stores without transactions (MongoDB, in-memory) keep false.
     */
    protected boolean supportsTransactions() {
        return false;
    }

    /** The {@link dev.userkit.spi.UserStore} contract. */
    @Nested
    class UserStoreContract extends dev.userkit.testkit.contracts.UserStoreContract {
        @Override
        protected Stores emptyStores() {
            return StoreConformanceSuite.this.emptyStores();
        }
    }

    /** The {@link dev.userkit.spi.SessionStore} contract. */
    @Nested
    class SessionStoreContract extends dev.userkit.testkit.contracts.SessionStoreContract {
        @Override
        protected Stores emptyStores() {
            return StoreConformanceSuite.this.emptyStores();
        }
    }

    /** The {@link dev.userkit.spi.CodeStore} contract. */
    @Nested
    class CodeStoreContract extends dev.userkit.testkit.contracts.CodeStoreContract {
        @Override
        protected Stores emptyStores() {
            return StoreConformanceSuite.this.emptyStores();
        }
    }

    /** The {@link dev.userkit.spi.RoleStore} contract. */
    @Nested
    class RoleStoreContract extends dev.userkit.testkit.contracts.RoleStoreContract {
        @Override
        protected Stores emptyStores() {
            return StoreConformanceSuite.this.emptyStores();
        }
    }

    /** The {@link dev.userkit.spi.DeviceStore} contract. */
    @Nested
    class DeviceStoreContract extends dev.userkit.testkit.contracts.DeviceStoreContract {
        @Override
        protected Stores emptyStores() {
            return StoreConformanceSuite.this.emptyStores();
        }
    }

    /** The {@link dev.userkit.spi.AttemptStore} contract. */
    @Nested
    class AttemptStoreContract extends dev.userkit.testkit.contracts.AttemptStoreContract {
        @Override
        protected Stores emptyStores() {
            return StoreConformanceSuite.this.emptyStores();
        }
    }

    /** The {@link dev.userkit.spi.UnitOfWork} contract. */
    @Nested
    class UnitOfWorkContract extends dev.userkit.testkit.contracts.UnitOfWorkContract {
        @Override
        protected Stores emptyStores() {
            return StoreConformanceSuite.this.emptyStores();
        }

        @Override
        protected boolean supportsTransactions() {
            return StoreConformanceSuite.this.supportsTransactions();
        }
    }
}
