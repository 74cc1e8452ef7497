package dev.userkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * T1: a suite that cannot fail proves nothing. Each deliberately broken store
 * ({@link BrokenStoreSuites} and its siblings, at least one per port contract) is run through the contract and
 * feature tests named for the broken promise with the JUnit Platform testkit; each named test must
 * fail on it with the named message, and pass on the correct in-memory store.
 */
class ConformanceSelfTest {
    /** A test that must fail on a broken store, and what its failure message must say. */
    private record Catch(Class<?> nested, String test, List<String> message) {}

    private static Catch fails(Class<?> nested, String test, String... message) {
        return new Catch(nested, test, List.of(message));
    }

    @Test
    @DisplayName("T1 a user store without unique emails fails the duplicate-email test")
    void usersWithoutUniqueEmailsAreCaught() {
        assertCaught(BrokenAccountStores.UsersWithoutUniqueEmails.class,
                fails(StoreConformanceSuite.UserStoreContract.class,
                        "[required] UserStore insert: a taken email key throws DuplicateKeyException and stores nothing",
                        "Expecting code to raise a throwable."));
    }

    @Test
    @DisplayName("T1 SEC-23 a user store that ignores username skeletons fails the look-alike contract and feature tests")
    void usersWithoutUniqueSkeletonsAreCaught() {
        assertCaught(BrokenAccountStores.UsersWithoutUniqueSkeletons.class,
                fails(StoreConformanceSuite.UserStoreContract.class,
                        "[required] UserStore insert: a taken username skeleton (a look-alike name) throws DuplicateKeyException and stores nothing (SEC-23)",
                        "Expecting code to raise a throwable."),
                fails(StoreConformanceSuite.IdentifierLookAlikes.class,
                        "SEC-23 [required] a whole-script Cyrillic look-alike of an existing name is a duplicate (602), at registration and rename",
                        "Expecting code to raise a throwable."));
    }

    @Test
    @DisplayName("T1 A5 a user store that lists in descending id order fails the list-order contract and feature tests")
    void usersListedBackwardsAreCaught() {
        assertCaught(BrokenAccountStores.UsersListedBackwards.class,
                fails(StoreConformanceSuite.UserStoreQueryContract.class,
                        "[required] UserStore list: users in ascending id order, whatever the insertion order",
                        "to contain exactly (and in same order):"),
                fails(StoreConformanceSuite.UserStoreQueryContract.class,
                        "[required] UserStore list: pages by 'after' and 'limit' cover every user once, in order",
                        "to contain exactly (and in same order):"),
                fails(StoreConformanceSuite.AccountsFeatures.class,
                        "A5 [required] list pages in stable id order, by role and by a metadata value",
                        "to contain exactly (and in same order):"));
    }

    @Test
    @DisplayName("T1 a session store ignoring expiredAt fails the expiredAt filter test for list and deleteMatching")
    void sessionsIgnoringExpiryAreCaught() {
        String expiredAt = "[required] SessionStore filter expiredAt: sessions whose expiresAt is at or before it (inclusive), the earlier end counting";
        assertCaught(BrokenSessionStores.SessionsIgnoringExpiry.class,
                fails(StoreConformanceSuite.SessionStoreContract.class, expiredAt + " via LIST", "expected: ", " but was: "),
                fails(StoreConformanceSuite.SessionStoreContract.class, expiredAt + " via DELETE_MATCHING", "expected: ", " but was: "));
    }

    @Test
    @DisplayName("T1 S5 a session store whose delete keeps the session fails the delete contract and the logout feature")
    void sessionsNeverDeletedAreCaught() {
        assertCaught(BrokenSessionStores.SessionsNeverDeleted.class,
                fails(StoreConformanceSuite.SessionStoreContract.class,
                        "[required] SessionStore delete: true if it existed, false the second time; it is then found by neither key",
                        "Expecting value to be false but was true"),
                fails(StoreConformanceSuite.SessionFeatures.class, "S5 [required] logout ends the session", "[expected UserKitException TOKEN_INVALID]"));
    }

    @Test
    @DisplayName("T1 SEC-18 a session store whose guarded sliding write is unconditional fails the touchIfLastSeen contract and the concurrent sliding feature")
    void unguardedSlidingWritesAreCaught() {
        assertCaught(BrokenSessionStores.SlidingWritesUnguarded.class,
                fails(StoreConformanceSuite.SessionStoreContract.class,
                        "[required] SessionStore touchIfLastSeen: false and nothing changed when last-seen moved since the read, or the session is gone",
                        "Expecting value to be false but was true"),
                fails(StoreConformanceSuite.SessionTokenSecurity.class,
                        "SEC-18 [required] 16 concurrent validations of one due session: exactly one sliding write per interval, none refused",
                        "[sliding writes after 1 intervals]", "expected: 1", "but was: 16"));
    }

    @Test
    @DisplayName("T1 SEC-20 session reads that cache a token's roles fail the live-roles contract and feature tests")
    void cachedSessionRolesAreCaught() {
        assertCaught(BrokenSessionStores.SessionRolesCached.class,
                fails(StoreConformanceSuite.SessionReadsContract.class,
                        "SEC-20 [required] SessionReads findWithRoles: a revoked grant is gone from the very next read",
                        "Expecting actual:", "to contain exactly"),
                fails(StoreConformanceSuite.SessionReadsContract.class,
                        "SEC-20 [required] SessionReads findWithRoles: a role's changed permissions show in the very next read",
                        "Expecting actual:", "to contain exactly"),
                fails(StoreConformanceSuite.AccessControlFeatures.class,
                        "SEC-20 [required] a revoked role is gone at the next check, even for a live session",
                        "expected: FORBIDDEN", "but was: ALLOWED"));
    }

    @Test
    @DisplayName("T1 REL-1 SEC-13 a code store that lets a code be consumed twice fails the single-use contract and feature tests")
    void codesConsumedTwiceAreCaught() {
        assertCaught(BrokenAccountStores.CodesConsumedTwice.class,
                fails(StoreConformanceSuite.CodeStoreContract.class,
                        "REL-1 SEC-13 [required] CodeStore consume: 64 concurrent consumers, exactly one wins",
                        "Expected size: 1 but was: 64"),
                fails(StoreConformanceSuite.CodeStoreContract.class,
                        "[required] CodeStore consume: a consumed code is gone, a second consume returns empty (single use)",
                        "Expecting an empty Optional but was containing value: CodeRecord["),
                fails(StoreConformanceSuite.OneTimeCodeSecurity.class,
                        "SEC-13 [required] 64 threads consuming one code: exactly one wins", "Expected size: 1 but was: "),
                fails(StoreConformanceSuite.RecoveryFeatures.class, "C3 [required] a used code fails with 801", "Expecting code to raise a throwable."));
    }

    @Test
    @DisplayName("T1 SEC-20 a role store whose revoke keeps the grant fails the revoke contract and the live-revocation feature")
    void revokesIgnoredAreCaught() {
        assertCaught(BrokenSessionStores.RevokesIgnored.class,
                fails(StoreConformanceSuite.RoleStoreContract.class,
                        "[required] RoleStore revoke: true if the role was held, false otherwise",
                        "Expecting value to be false but was true"),
                fails(StoreConformanceSuite.AccessControlFeatures.class,
                        "SEC-20 [required] a revoked role is gone at the next check, even for a live session",
                        "expected: FORBIDDEN", "but was: ALLOWED"));
    }

    @Test
    @DisplayName("T1 SEC-21 a device store whose setPermitted changes nothing fails the flag contract and the restriction feature")
    void devicePermissionsFrozenAreCaught() {
        assertCaught(BrokenSessionStores.DevicePermissionsFrozen.class,
                fails(StoreConformanceSuite.DeviceStoreContract.class,
                        "[required] DeviceStore setPermitted: sets the flag and nothing else; false if the device does not exist",
                        "permitted=true", "to contain:"),
                fails(StoreConformanceSuite.DeviceFeatures.class,
                        "SEC-21 [required] restricting a device revokes its sessions and refuses it again", "806 DEVICE_DENIED"));
    }

    @Test
    @DisplayName("T1 SEC-09 a read-then-write attempt counter fails the 200-increment test")
    void nonAtomicAttemptCounterIsCaught() {
        assertCaught(BrokenAccountStores.NonAtomicAttempts.class,
                fails(StoreConformanceSuite.AttemptStoreContract.class,
                        "SEC-09 [required] AttemptStore increment: 200 concurrent increments leave exactly 200, each count returned once",
                        "to contain exactly in any order:", "elements not found:"));
    }

    @Test
    @DisplayName("T1 SEC-09 an attempt store whose reset does nothing fails the reset contract and the lock-lifting reset feature")
    void attemptResetsIgnoredAreCaught() {
        assertCaught(BrokenAccountStores.AttemptResetsIgnored.class,
                fails(StoreConformanceSuite.AttemptStoreContract.class,
                        "[required] AttemptStore reset: removes the counter; resetting an unknown key does nothing",
                        "Expecting an empty Optional but was containing value: AttemptCount[count=1"),
                fails(StoreConformanceSuite.LifecycleFeatures.class,
                        "SEC-09 [required] a locked account completes a password reset, which lifts the lock: the new password logs in at once",
                        "1005 THROTTLED"));
    }

    @Test
    @DisplayName("T1 REL-8 an outbox whose claim reads and then writes fails both claim races")
    void outboxClaimsReadThenWrittenAreCaught() {
        assertCaught(BrokenOutboxStores.OutboxClaimsReadThenWritten.class,
                fails(StoreConformanceSuite.OutboxClaimContract.class,
                        "REL-8 [required] OutboxStore claim: 16 concurrent claims of one message, exactly one wins and holds it",
                        "Expected size: 1 but was: "),
                fails(StoreConformanceSuite.OutboxClaimContract.class,
                        "REL-8 [required] OutboxStore claim: 8 senders that read the same due list and claim all of it concurrently claim each message exactly once",
                        "to contain exactly in any order:"));
    }

    @Test
    @DisplayName("T1 REL-8 an outbox whose claim ignores the lease fails the lease and race tests")
    void outboxLeasesIgnoredAreCaught() {
        assertCaught(BrokenOutboxStores.OutboxLeasesIgnored.class,
                fails(StoreConformanceSuite.OutboxClaimContract.class,
                        "REL-8 [required] OutboxStore claim: a leased message is refused, to its holder too, until the lease lapses; then another owner gets it",
                        "Expecting an empty Optional but was containing value: OutboxRecord["),
                fails(StoreConformanceSuite.OutboxClaimContract.class,
                        "REL-8 [required] OutboxStore claim: 16 concurrent claims of one message, exactly one wins and holds it",
                        "Expected size: 1 but was: 16"),
                fails(StoreConformanceSuite.OutboxClaimContract.class,
                        "REL-8 [required] OutboxStore claim: 8 senders that read the same due list and claim all of it concurrently claim each message exactly once",
                        "to contain exactly in any order:"));
    }

    @Test
    @DisplayName("T1 SEC-12 REL-8 an outbox whose delivered keeps the payload fails the erasure test")
    void outboxPayloadsKeptAfterDeliveryAreCaught() {
        assertCaught(BrokenOutboxStores.OutboxPayloadsKeptAfterDelivery.class,
                fails(StoreConformanceSuite.OutboxOutcomeContract.class,
                        "SEC-12 REL-8 [required] OutboxStore delivered: marks the message DELIVERED at the given time and erases its payload",
                        "[the payload after delivery]", "expected: null"));
    }

    @Test
    @DisplayName("T1 REL-8 an outbox whose delivered ignores the owner fails the holder-only test")
    void outboxDeliveriesByAnyOwnerAreCaught() {
        assertCaught(BrokenOutboxStores.OutboxDeliveriesByAnyOwner.class,
                fails(StoreConformanceSuite.OutboxOutcomeContract.class,
                        "REL-8 [required] OutboxStore delivered: false and nothing changed unless the owner still holds the message (never claimed, unknown, or taken over after its lease lapsed)",
                        "Expecting value to be false but was true"));
    }

    @Test
    @DisplayName("T1 a unit of work that wraps the work's exception fails the propagation test")
    void unitOfWorkWrappingExceptionsIsCaught() {
        assertCaught(BrokenStoreSuites.UnitOfWorkWrappingExceptions.class,
                fails(StoreConformanceSuite.UnitOfWorkContract.class, "[required] UnitOfWork run: exceptions propagate unchanged", "IllegalStateException: injected fault", "to refer to the same object"));
    }

    @Test
    @DisplayName("T1 REL-3 REL-8 a store that claims supportsTransactions without rolling back fails every optional rollback test")
    void transactionsClaimedWithoutRollbackAreCaught() {
        // No correct-store check here: the in-memory store skips these (ConformanceConventionTest); PostgreSQL and MariaDB pass them.
        assertFailures(BrokenStoreSuites.TransactionsClaimedWithoutRollback.class,
                fails(StoreConformanceSuite.UnitOfWorkContract.class,
                        "[optional: supportsTransactions] UnitOfWork run: when the work throws, its writes are rolled back (REL-3, transactional stores)",
                        "Expecting an empty Optional but was containing value: UserRecord[", "username=doomed"),
                fails(StoreConformanceSuite.UnitOfWorkContract.class,
                        "[optional: supportsTransactions] UnitOfWork run: a nested call's writes roll back with the outer unit (REL-3, transactional stores)",
                        "Expecting an empty Optional but was containing value: UserRecord[", "username=inner"),
                fails(StoreConformanceSuite.OutboxRecordingContract.class,
                        "REL-8 [optional: supportsTransactions] OutboxStore add: inside a unit of work that throws, the message is rolled back",
                        "Expecting an empty Optional but was containing value: OutboxRecord["));
    }

    @Test
    @DisplayName("T1 REL-9 a maintenance lock that takes a held lease fails the exclusive-lease tests and the lease-waiting feature")
    void leasesNotExclusiveAreCaught() {
        assertCaught(BrokenStoreSuites.LeasesNotExclusive.class,
                fails(StoreConformanceSuite.MaintenanceLockContract.class,
                        "REL-9 [required] MaintenanceLock tryAcquire: a free lease is taken; while held, every call fails, the holder's own included",
                        "Expecting value to be false but was true"),
                fails(StoreConformanceSuite.MaintenanceLockContract.class,
                        "REL-9 [required] MaintenanceLock tryAcquire: 16 concurrent callers of a free lease, exactly one gets it",
                        "expected: 1L", "but was: 16L"),
                fails(StoreConformanceSuite.MaintenanceFeatures.class,
                        "REL-9 [required] while another instance holds the maintenance lease runOnce purges nothing and says so; after that lease ends it purges",
                        "Expecting value to be false but was true"));
    }

    @Test
    @DisplayName("T1 REL-9 a maintenance lock that lets anyone release a lease fails the release-by-owner test")
    void leasesReleasedByAnyoneAreCaught() {
        assertCaught(BrokenStoreSuites.LeasesReleasedByAnyone.class,
                fails(StoreConformanceSuite.MaintenanceLockContract.class,
                        "REL-9 [required] MaintenanceLock release: only the holder's release frees the lease; a stale owner's changes nothing",
                        "Expecting value to be false but was true"));
    }

    /** Each caught test fails on {@code broken} with its message and succeeds on the in-memory store; every miss is reported. */
    private static void assertCaught(Class<? extends StoreConformanceSuite> broken, Catch... catches) {
        assertSoftly(softly -> {
            for (Catch c : catches) {
                assertFailure(softly, broken, c);
                softly.assertThat(outcome(InMemoryConformanceTest.class, c).status())
                        .as("the in-memory store's outcome of %s", c.test()).isEqualTo(SuiteRun.Status.SUCCESSFUL);
            }
        });
    }

    /** Each caught test fails on {@code broken} with its message. */
    private static void assertFailures(Class<? extends StoreConformanceSuite> broken, Catch... catches) {
        assertSoftly(softly -> Arrays.stream(catches).forEach(c -> assertFailure(softly, broken, c)));
    }

    private static void assertFailure(SoftAssertions softly, Class<? extends StoreConformanceSuite> broken, Catch c) {
        SuiteRun.Outcome outcome = outcome(broken, c);
        softly.assertThat(outcome.status()).as("%s's outcome of %s", broken.getSimpleName(), c.test())
                .isEqualTo(SuiteRun.Status.FAILED);
        softly.assertThat(outcome.message()).as("%s's failure message in %s", broken.getSimpleName(), c.test())
                .contains(c.message());
    }

    private static SuiteRun.Outcome outcome(Class<? extends StoreConformanceSuite> suite, Catch c) {
        Map<String, SuiteRun.Outcome> outcomes = SuiteRun.outcomes(suite, c.nested(), c.test());
        assertThat(outcomes).as("the tests %s ran for %s", suite.getSimpleName(), c.test()).containsKey(c.test());
        return outcomes.get(c.test());
    }
}
