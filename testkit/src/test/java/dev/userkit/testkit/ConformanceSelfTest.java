package dev.userkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * T1: a suite that cannot fail proves nothing. Each deliberately broken store is run through the
 * relevant contract class with the JUnit Platform {@link EngineTestKit}; the contract test named
 * for the broken promise must fail on it and pass on the correct in-memory store.
 */
class ConformanceSelfTest {
    private static final String JUPITER = "junit-jupiter";

    @Test
    @DisplayName("T1 REL-1 a code store that lets a code be consumed twice fails the single-use and 64-consumer tests")
    void codesConsumedTwiceAreCaught() {
        assertNamedTestsCatch(BrokenStoreSuites.CodesConsumedTwice.class, StoreConformanceSuite.CodeStoreContract.class,
                "REL-1 SEC-13 CodeStore consume: 64 concurrent consumers, exactly one wins",
                "CodeStore consume: a consumed code is gone, a second consume returns empty (single use)");
    }

    @Test
    @DisplayName("T1 a user store without unique emails fails the duplicate-email test")
    void usersWithoutUniqueEmailsAreCaught() {
        assertNamedTestsCatch(BrokenStoreSuites.UsersWithoutUniqueEmails.class, StoreConformanceSuite.UserStoreContract.class,
                "UserStore insert: a taken email key throws DuplicateKeyException and stores nothing");
    }

    @Test
    @DisplayName("T1 SEC-23 a user store that ignores username skeletons fails the look-alike contract and feature tests")
    void usersWithoutUniqueSkeletonsAreCaught() {
        assertNamedTestsCatch(BrokenStoreSuites.UsersWithoutUniqueSkeletons.class, StoreConformanceSuite.UserStoreContract.class,
                "UserStore insert: a taken username skeleton (a look-alike name) throws DuplicateKeyException and stores nothing (SEC-23)");
        assertNamedTestsCatch(BrokenStoreSuites.UsersWithoutUniqueSkeletons.class, StoreConformanceSuite.IdentifierLookAlikes.class,
                "SEC-23 a whole-script Cyrillic look-alike of an existing name is a duplicate (602), at registration and rename");
    }

    @Test
    @DisplayName("T1 SEC-09 a read-then-write attempt counter fails the 200-increment test")
    void nonAtomicAttemptCounterIsCaught() {
        assertNamedTestsCatch(BrokenStoreSuites.NonAtomicAttempts.class, StoreConformanceSuite.AttemptStoreContract.class,
                "SEC-09 AttemptStore increment: 200 concurrent increments leave exactly 200, each count returned once");
    }

    @Test
    @DisplayName("T1 a session store ignoring expiredAt fails the expiredAt filter test for list and deleteMatching")
    void sessionsIgnoringExpiryAreCaught() {
        String expiredAt = "SessionStore filter expiredAt: sessions whose expiresAt is at or before it (inclusive), the earlier end counting";
        assertNamedTestsCatch(BrokenStoreSuites.SessionsIgnoringExpiry.class, StoreConformanceSuite.SessionStoreContract.class,
                expiredAt + " via LIST", expiredAt + " via DELETE_MATCHING");
    }

    /** The named tests of {@code contract} fail on the broken suite and succeed on the in-memory one. */
    private static void assertNamedTestsCatch(Class<? extends StoreConformanceSuite> broken, Class<?> contract, String... names) {
        Map<String, TestExecutionResult.Status> onBroken = outcomes(broken, contract);
        Map<String, TestExecutionResult.Status> onCorrect = outcomes(InMemoryConformanceTest.class, contract);
        for (String name : names) {
            assertThat(onBroken).as("outcome on %s of the test named", broken.getSimpleName())
                    .containsEntry(name, TestExecutionResult.Status.FAILED);
            assertThat(onCorrect).as("outcome on the in-memory store of the test named")
                    .containsEntry(name, TestExecutionResult.Status.SUCCESSFUL);
        }
    }

    /** Runs one nested contract class of a suite and returns each test's outcome by display name. */
    private static Map<String, TestExecutionResult.Status> outcomes(Class<? extends StoreConformanceSuite> suite, Class<?> contract) {
        List<Event> finished = EngineTestKit.engine(JUPITER)
                .selectors(selectNestedClass(List.of(suite), contract))
                .execute()
                .testEvents()
                .finished()
                .list();
        return finished.stream().collect(Collectors.toMap(e -> e.getTestDescriptor().getDisplayName(),
                e -> e.getRequiredPayload(TestExecutionResult.class).getStatus(), (a, b) -> a));
    }
}
