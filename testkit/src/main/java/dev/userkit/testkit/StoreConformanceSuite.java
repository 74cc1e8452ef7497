package dev.userkit.testkit;

import dev.userkit.spi.Stores;
import dev.userkit.testkit.features.AccessControlFeatureTests;
import dev.userkit.testkit.features.AccountIntegrityTests;
import dev.userkit.testkit.features.AccountsFeatureTests;
import dev.userkit.testkit.features.AdminCreateFeatureTests;
import dev.userkit.testkit.features.MaintenanceFeatureTests;
import dev.userkit.testkit.features.MetricsFeatureTests;
import dev.userkit.testkit.features.BootstrapFeatureTests;
import dev.userkit.testkit.features.BootstrapVariantTests;
import dev.userkit.testkit.features.CredentialRaceTests;
import dev.userkit.testkit.features.DeviceFeatureTests;
import dev.userkit.testkit.features.DeviceTokenFeatureTests;
import dev.userkit.testkit.features.IdentifierLookAlikeTests;
import dev.userkit.testkit.features.IdentityEventTests;
import dev.userkit.testkit.features.LanguageFeatureTests;
import dev.userkit.testkit.features.InputBoundsTests;
import dev.userkit.testkit.features.LifecycleFeatureTests;
import dev.userkit.testkit.features.LockoutTests;
import dev.userkit.testkit.features.LoginSecurityTests;
import dev.userkit.testkit.features.NullArgumentTests;
import dev.userkit.testkit.features.NumericModelTests;
import dev.userkit.testkit.features.OneTimeCodeSecurityTests;
import dev.userkit.testkit.features.OutboxDeliveryTests;
import dev.userkit.testkit.features.PasswordSecurityTests;
import dev.userkit.testkit.features.RecoveryEnumerationTests;
import dev.userkit.testkit.features.RecoveryFeatureTests;
import dev.userkit.testkit.features.SessionFeatureTests;
import dev.userkit.testkit.features.SessionTokenSecurityTests;
import dev.userkit.testkit.features.TimingParityTests;
import dev.userkit.testkit.features.ValidationCacheTests;
import dev.userkit.testkit.hostile.HostileInputTests;
import org.junit.jupiter.api.Nested;

/**
 * The conformance suite (T1): every port contract and every feature, run against one store.
 *
 * <h2>Writing one hook</h2>
 * A store proves itself by extending this class and implementing {@link #emptyStores()}; it
 * declares each optional capability it has by overriding its {@code supportsX()} hook (today only
 * {@link #supportsTransactions()}). Nothing else: every nested class below then runs against it,
 * reaching the hooks through this instance. A new contract class is one {@code @Nested} line here.
 *
 * <h2>Required and optional tests</h2>
 * Every test's display name starts with the FEATURES.md or SECURITY.md IDs it proves (if any),
 * followed by its marker:
 * <ul>
 *   <li>{@code [required]}: every store must pass it; it never skips.
 *   <li>{@code [optional: supportsX]}: it checks a promise only stores with that capability make
 *       (the method is annotated {@link OptionalCapability}, tagged {@value OptionalCapability#TAG}).
 *       On a store whose {@code supportsX()} is false it is skipped, and the report gives the
 *       reason; on a store that declares it, it must pass like a required test.
 * </ul>
 * For example {@code "C3 [required] a used code fails with 801"} or
 * {@code "[optional: supportsTransactions] UnitOfWork run: when the work throws, ..."}.
 *
 * <h2>Reading a failure</h2>
 * The nested class names the port ({@code ...Contract}) or the feature group; the display name
 * names the sentence of the port's javadoc or the feature ID. Each contract and feature class's
 * javadoc says what to check when one of its tests fails, and some tests add a hint of their own.
 * When a feature test fails and the port contracts pass, the store keeps a promise in a way the
 * services do not expect: read the failing step against the port methods its javadoc names.
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
     * Whether the store's unit of work is a transaction that rolls back when the work throws
     * ({@link Capability#TRANSACTIONS}). SQL stores return true; stores without transactions
     * (MongoDB, in-memory) keep false, and the {@code [optional: supportsTransactions]} tests skip.
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
    /** The {@link dev.userkit.spi.SessionStore#purgeExpired} contract: the purge walk, step by bounded step. */
    @Nested class SessionPurgeContract extends dev.userkit.testkit.contracts.SessionPurgeContract {}

    /** The {@link dev.userkit.spi.SessionReads} contract: a session with its user and roles, as the store holds them now. */
    @Nested class SessionReadsContract extends dev.userkit.testkit.contracts.SessionReadsContract {}

    /** The {@link dev.userkit.spi.CodeStore} contract. */
    @Nested class CodeStoreContract extends dev.userkit.testkit.contracts.CodeStoreContract {}

    /** The {@link dev.userkit.spi.RoleStore} contract. */
    @Nested class RoleStoreContract extends dev.userkit.testkit.contracts.RoleStoreContract {}

    /** The {@link dev.userkit.spi.DeviceStore} contract. */
    @Nested class DeviceStoreContract extends dev.userkit.testkit.contracts.DeviceStoreContract {}

    /** The {@link dev.userkit.spi.AttemptStore} contract. */
    @Nested class AttemptStoreContract extends dev.userkit.testkit.contracts.AttemptStoreContract {}

    /** The {@link dev.userkit.spi.OutboxStore} contract (REL-8) for recording: add and findById, in and out of a unit of work. */
    @Nested class OutboxRecordingContract extends dev.userkit.testkit.contracts.OutboxRecordingContract {}

    /** The {@link dev.userkit.spi.OutboxStore} contract (REL-8) for senders: due, claim and its lease, the claim races. */
    @Nested class OutboxClaimContract extends dev.userkit.testkit.contracts.OutboxClaimContract {}

    /** The {@link dev.userkit.spi.OutboxStore} contract (REL-8) for outcomes: delivered, failed, retry. */
    @Nested class OutboxOutcomeContract extends dev.userkit.testkit.contracts.OutboxOutcomeContract {}

    /** The {@link dev.userkit.spi.OutboxStore} contract (REL-8, W6) for housekeeping: purge, deleteDead, findByState, countPending. */
    @Nested class OutboxHousekeepingContract extends dev.userkit.testkit.contracts.OutboxHousekeepingContract {}

    /** The {@link dev.userkit.spi.MaintenanceLock} contract (REL-9): exclusive, expires, renew and release by the owner only. */
    @Nested class MaintenanceLockContract extends dev.userkit.testkit.contracts.MaintenanceLockContract {}

    /** The {@link dev.userkit.spi.UnitOfWork} contract. */
    @Nested class UnitOfWorkContract extends dev.userkit.testkit.contracts.UnitOfWorkContract {}

    // Features (UserKitConformance): every FEATURES.md and SECURITY.md ID through the real services.

    /** W6, REL-9: scheduled maintenance purges every kind, one instance at a time. */
    @Nested class MaintenanceFeatures extends MaintenanceFeatureTests {}

    /** A1-A18. */
    @Nested class AccountsFeatures extends AccountsFeatureTests {}

    /** A2: an administrator's creation of an active account. */
    @Nested class AdminCreateFeatures extends AdminCreateFeatureTests {}

    /** M3: the user's stored language. */
    @Nested class Languages extends LanguageFeatureTests {}

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

    /** SEC-05, SEC-07, SEC-09, H2-H4, REL-5. */
    @Nested class LoginSecurity extends LoginSecurityTests {}

    /** SEC-16..SEC-19. */
    @Nested class SessionTokenSecurity extends SessionTokenSecurityTests {}

    /** D1, SEC-21. */
    @Nested class DeviceFeatures extends DeviceFeatureTests {}

    /** D2: devices permitted and restricted by their token. */
    @Nested class DeviceTokenFeatures extends DeviceTokenFeatureTests {}

    /** R1-R4, SEC-20. */
    @Nested class AccessControlFeatures extends AccessControlFeatureTests {}

    /** R6: bootstrap variants, stable permission ids, verdicts with codes. */
    @Nested class BootstrapVariants extends BootstrapVariantTests {}

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

    /** S3 with the opt-in validation cache: every revocation through the kit is seen at once. */
    @Nested class ValidationCache extends ValidationCacheTests {}

    /** M2, REL-8, SEC-12, SEC-31, A15, C6: messages recorded in the request, delivered by senders. */
    @Nested class OutboxDelivery extends OutboxDeliveryTests {}

    /** W6: what the services report for metrics, once per outcome, never a user identifier. */
    @Nested class Metrics extends MetricsFeatureTests {}
}
