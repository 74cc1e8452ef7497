package dev.userkit.testkit.contracts;

import static dev.userkit.testkit.Fixtures.millisNow;
import static dev.userkit.testkit.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.spi.UnitOfWork;
import dev.userkit.spi.UserRecord;
import dev.userkit.testkit.Capability;
import dev.userkit.testkit.OptionalCapability;
import dev.userkit.testkit.StoreFixture;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@link UnitOfWork} contract. Rollback is an optional capability ({@link Capability#TRANSACTIONS}):
 * it is checked only on stores whose suite says {@code supportsTransactions()}, and otherwise
 * skipped visibly with the reason.
 *
 * <p>If a test fails, check: {@code run} returns the work's value and lets the work's exception
 * through itself, not wrapped in a {@code StoreException} or any other; a nested {@code run} joins
 * the outer unit (the same connection and transaction), never opens a second; writes inside are
 * visible inside and committed when the outermost unit returns. Declare
 * {@code supportsTransactions()} only when {@code run} is a real transaction; if a rollback test
 * then fails, check that every store call inside the unit uses the unit's connection rather than
 * one of its own from the pool.
 */
public abstract class UnitOfWorkContract extends StoreFixture {
    private UnitOfWork unit() {
        return stores.unitOfWork();
    }

    private UserRecord insertUser(String name) {
        UserRecord r = user(name, millisNow(clock));
        stores.users().insert(r);
        return r;
    }

    /** Reads on another thread, which a SQL store serves from another connection: only committed data is seen. */
    private Optional<UserRecord> findElsewhere(UserRecord r) {
        return CompletableFuture.supplyAsync(() -> stores.users().findById(r.user().id())).join();
    }

    @Test
    @DisplayName("[required] UnitOfWork run: returns the work's result")
    void runReturnsResult() {
        assertThat(unit().run(() -> "result")).isEqualTo("result");
        assertThat(unit().<Object>run(() -> null)).isNull();
    }

    @Test
    @DisplayName("[required] UnitOfWork run: exceptions propagate unchanged")
    void runPropagatesExceptionUnchanged() {
        IllegalStateException fault = new IllegalStateException("injected fault");
        UserKitException domain = new UserKitException(ErrorCode.DUPLICATE, "domain failure");

        assertThat(catchThrowable(() -> unit().run(() -> { throw fault; }))).isSameAs(fault);
        assertThat(catchThrowable(() -> unit().run(() -> { throw domain; }))).isSameAs(domain);
    }

    @Test
    @DisplayName("[required] UnitOfWork run: writes inside the unit are visible inside it and committed when it returns")
    void runCommitsOnReturn() {
        UserRecord written = unit().run(() -> {
            UserRecord r = insertUser("alice");
            assertThat(stores.users().findByUsernameKey("alice")).contains(r);
            return r;
        });

        assertThat(findElsewhere(written)).contains(written);
    }

    @Test
    @DisplayName("[required] UnitOfWork run: a nested call joins the outer one and returns its result")
    void nestedRunJoins() {
        String result = unit().run(() -> {
            UserRecord outer = insertUser("outer");
            String inner = unit().run(() -> {
                assertThat(stores.users().findById(outer.user().id())).contains(outer);
                insertUser("inner");
                return "inner";
            });
            assertThat(stores.users().findByUsernameKey("inner")).isPresent();
            return inner + "+outer";
        });

        assertThat(result).isEqualTo("inner+outer");
        assertThat(stores.users().findByUsernameKey("inner")).isPresent();
    }

    /**
     * If this fails, a store call inside the unit took a connection of its own instead of the unit's,
     * or the unit commits before rethrowing.
     */
    @Test
    @OptionalCapability(Capability.TRANSACTIONS)
    @DisplayName("[optional: supportsTransactions] UnitOfWork run: when the work throws, its writes are rolled back (REL-3, transactional stores)")
    void runRollsBackOnException() {
        UserRecord kept = insertUser("kept");
        UserRecord[] doomed = new UserRecord[1];

        Throwable thrown = catchThrowable(() -> unit().run(() -> {
            doomed[0] = insertUser("doomed");
            stores.users().delete(kept.user().id());
            throw new IllegalStateException("injected fault");
        }));

        assertThat(thrown).hasMessage("injected fault");
        assertThat(stores.users().findById(doomed[0].user().id())).isEmpty();
        assertThat(stores.users().findById(kept.user().id())).contains(kept);
    }

    /** If this fails, the nested run committed on its own: it must join the outer transaction. */
    @Test
    @OptionalCapability(Capability.TRANSACTIONS)
    @DisplayName("[optional: supportsTransactions] UnitOfWork run: a nested call's writes roll back with the outer unit (REL-3, transactional stores)")
    void nestedRunRollsBackWithOuter() {
        UserRecord[] inner = new UserRecord[1];

        Throwable thrown = catchThrowable(() -> unit().run(() -> {
            unit().run(() -> inner[0] = insertUser("inner"));
            throw new IllegalStateException("injected fault after the nested unit");
        }));

        assertThat(thrown).isInstanceOf(IllegalStateException.class);
        assertThat(stores.users().findById(inner[0].user().id())).isEmpty();
    }
}
