package dev.userkit.testkit;

import dev.userkit.spi.Stores;
import dev.userkit.testkit.features.AccessControlFeatureTests;
import dev.userkit.testkit.features.AccountIntegrityTests;
import dev.userkit.testkit.features.AccountsFeatureTests;
import dev.userkit.testkit.features.BootstrapFeatureTests;
import dev.userkit.testkit.features.CredentialRaceTests;
import dev.userkit.testkit.features.DeviceFeatureTests;
import dev.userkit.testkit.features.IdentifierLookAlikeTests;
import dev.userkit.testkit.features.IdentityEventTests;
import dev.userkit.testkit.features.InputBoundsTests;
import dev.userkit.testkit.features.LifecycleFeatureTests;
import dev.userkit.testkit.features.LockoutTests;
import dev.userkit.testkit.features.LoginSecurityTests;
import dev.userkit.testkit.features.NullArgumentTests;
import dev.userkit.testkit.features.NumericModelTests;
import dev.userkit.testkit.features.OneTimeCodeSecurityTests;
import dev.userkit.testkit.features.PasswordSecurityTests;
import dev.userkit.testkit.features.RecoveryEnumerationTests;
import dev.userkit.testkit.features.RecoveryFeatureTests;
import dev.userkit.testkit.features.SessionFeatureTests;
import dev.userkit.testkit.features.TimingParityTests;
import dev.userkit.testkit.hostile.HostileInputTests;
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
     *
     * @return the stores under test, empty
     */
    protected abstract Stores emptyStores();

    /**
     * Whether the store's unit of work is a transaction that rolls back when the work throws.
     * SQL stores return true; stores without transactions (MongoDB, in-memory) keep false.
     *
     * @return true if the unit of work rolls back
     */
    protected boolean supportsTransactions() {
        return false;
    }

    // Port contracts: each test checks one sentence of a port's javadoc.

    /** The {@link dev.userkit.spi.UserStore} contract: insert, lookups, uniqueness, update, delete. */
    @Nested class UserStoreContract extends dev.userkit.testkit.contracts.UserStoreContract {}

    /** The {@link dev.userkit.spi.UserStore} contract: list, paging, metadata filters, pending users. */
    @Nested class UserStoreQueryContract extends dev.userkit.testkit.contracts.UserStoreQueryContract {}

    /** The {@link dev.userkit.spi.SessionStore} contract. */
    @Nested class SessionStoreContract extends dev.userkit.testkit.contracts.SessionStoreContract {}

    /** The {@link dev.userkit.spi.CodeStore} contract. */
    @Nested class CodeStoreContract extends dev.userkit.testkit.contracts.CodeStoreContract {}

    /** The {@link dev.userkit.spi.RoleStore} contract. */
    @Nested class RoleStoreContract extends dev.userkit.testkit.contracts.RoleStoreContract {}

    /** The {@link dev.userkit.spi.DeviceStore} contract. */
    @Nested class DeviceStoreContract extends dev.userkit.testkit.contracts.DeviceStoreContract {}

    /** The {@link dev.userkit.spi.AttemptStore} contract. */
    @Nested class AttemptStoreContract extends dev.userkit.testkit.contracts.AttemptStoreContract {}

    /** The {@link dev.userkit.spi.UnitOfWork} contract. */
    @Nested class UnitOfWorkContract extends dev.userkit.testkit.contracts.UnitOfWorkContract {}

    // Features (UserKitConformance): every FEATURES.md and SECURITY.md ID through the real services.

    /** A1-A18. */
    @Nested class AccountsFeatures extends AccountsFeatureTests {}

    /** REL-2, REL-3, REL-7, H4. */
    @Nested class AccountIntegrity extends AccountIntegrityTests {}

    /** C1-C7. */
    @Nested class RecoveryFeatures extends RecoveryFeatureTests {}

    /** SEC-11..SEC-15, SEC-25, SEC-26. */
    @Nested class OneTimeCodeSecurity extends OneTimeCodeSecurityTests {}

    /** SEC-01..SEC-06. */
    @Nested class PasswordSecurity extends PasswordSecurityTests {}

    /** SEC-23, SEC-29 for names and addresses: look-alikes are refused or duplicates. */
    @Nested class IdentifierLookAlikes extends IdentifierLookAlikeTests {}

    /** R5. */
    @Nested class BootstrapFeatures extends BootstrapFeatureTests {}

    /** H3 for accounts and recovery. */
    @Nested class IdentityEvents extends IdentityEventTests {}

    /** S1-S8, S10. */
    @Nested class SessionFeatures extends SessionFeatureTests {}

    /** SEC-05..SEC-19, H2-H4, REL-5. */
    @Nested class LoginSecurity extends LoginSecurityTests {}

    /** D1, SEC-21. */
    @Nested class DeviceFeatures extends DeviceFeatureTests {}

    /** R1-R4, SEC-20. */
    @Nested class AccessControlFeatures extends AccessControlFeatureTests {}

    /** Journeys across services: A2-A17, C3-C6, R4, R5, S2, H2, SEC-05, SEC-09. */
    @Nested class LifecycleFeatures extends LifecycleFeatureTests {}

    /** SEC-27. */
    @Nested class CredentialRaces extends CredentialRaceTests {}

    /** SEC-28, S11. */
    @Nested class Lockouts extends LockoutTests {}

    /** SEC-07 and SEC-10 for recovery. */
    @Nested class RecoveryEnumeration extends RecoveryEnumerationTests {}

    /** SEC-29: caps and character rules for text, metadata, session data and filters. */
    @Nested class InputBounds extends InputBoundsTests {}

    /** SEC-29: one numeric model for JSON values. */
    @Nested class NumericModel extends NumericModelTests {}

    /** SEC-29: a null argument anywhere answers a typed code. */
    @Nested class NullArguments extends NullArgumentTests {}

    /** SEC-29, SEC-22, SEC-23: the hostile-input corpus through every public entry point. */
    @Nested class HostileInputs extends HostileInputTests {}

    /** SEC-08, SEC-31. */
    @Nested class TimingParity extends TimingParityTests {}
}
