package dev.userkit.testkit.contracts;

import static dev.userkit.testkit.Fixtures.code;
import static dev.userkit.testkit.Fixtures.millisNow;
import static dev.userkit.testkit.Fixtures.owner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.UserId;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.CodeStore;
import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.testkit.Fixtures;
import dev.userkit.testkit.StoreFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@link CodeStore} contract: one test per sentence of its javadoc.
 *
 * <p>If a test fails, check: {@code consume} is one atomic step for hash and purpose (a delete
 * that returns the row, or a find-and-delete); a select followed by a delete lets two consumers
 * win (REL-1, the 64-consumer race); a code of another purpose stays where it is; expired codes
 * are still returned, since the service tells expired from invalid; the hash alone is unique,
 * whatever the user or purpose; {@code recordFailedAttempt} adds one in the database
 * ({@code attempts = attempts + 1}), not by reading and writing back (SEC-11's 32 concurrent
 * failures).
 */
public abstract class CodeStoreContract extends StoreFixture {
    private CodeStore codes() {
        return stores.codes();
    }

    private CodeRecord inserted(UserId user, CodePurpose purpose) {
        CodeRecord c = code(user, purpose, millisNow(clock));
        codes().insert(c);
        return c;
    }

    @Test
    @DisplayName("[required] CodeStore consume: returns the inserted code with every field intact")
    void consumeReturnsInsertedCode() {
        Instant at = millisNow(clock);
        CodeRecord c = new CodeRecord(Fixtures.tokenHash(), owner(stores), CodePurpose.EMAIL_CHANGE,
                "Neue.Adresse+ü'$x@Example.com", at, at.plus(Duration.ofHours(24)).plusMillis(1), 0);
        codes().insert(c);

        assertThat(codes().consume(c.codeHash(), CodePurpose.EMAIL_CHANGE)).contains(c);
    }

    @Test
    @DisplayName("W6 [required] CodeStore deleteExpired: deletes up to limit codes whose expiry is at or before now; live codes stay")
    void deleteExpiredRespectsExpiryAndLimit() {
        UserId user = owner(stores);
        Instant at = millisNow(clock);
        for (int i = 0; i < 3; i++) codes().insert(code(user, CodePurpose.PASSWORD_RESET, at.minusSeconds(i)));
        Instant now = at.plus(Duration.ofMinutes(15));
        CodeRecord live = code(user, CodePurpose.EMAIL_VERIFY, at.plusMillis(1));
        codes().insert(live);

        assertThat(codes().deleteExpired(now, 2)).isEqualTo(2);
        assertThat(codes().deleteExpired(now, 10)).isEqualTo(1);
        assertThat(codes().deleteExpired(now, 10)).isZero();
        assertThat(codes().consume(live.codeHash(), CodePurpose.EMAIL_VERIFY)).contains(live);
    }

    @Test
    @DisplayName("[required] CodeStore consume: a consumed code is gone, a second consume returns empty (single use)")
    void consumeIsSingleUse() {
        CodeRecord c = inserted(owner(stores), CodePurpose.PASSWORD_RESET);

        assertThat(codes().consume(c.codeHash(), CodePurpose.PASSWORD_RESET)).contains(c);
        assertThat(codes().consume(c.codeHash(), CodePurpose.PASSWORD_RESET)).isEmpty();
    }

    @Test
    @DisplayName("[required] CodeStore consume: an unknown hash returns empty")
    void consumeUnknownReturnsEmpty() {
        CodeRecord c = inserted(owner(stores), CodePurpose.PASSWORD_RESET);

        assertThat(codes().consume(Fixtures.tokenHash(), CodePurpose.PASSWORD_RESET)).isEmpty();
        assertThat(codes().consume(c.codeHash().toUpperCase(), CodePurpose.PASSWORD_RESET)).isEmpty();
        assertThat(codes().consume(c.codeHash() + " ", CodePurpose.PASSWORD_RESET)).isEmpty();
    }

    @Test
    @DisplayName("[required] CodeStore insert: an existing hash throws DuplicateKeyException (SEC-15: not even for another user or purpose)")
    void insertDuplicateHashThrows() {
        CodeRecord c = inserted(owner(stores), CodePurpose.PASSWORD_RESET);
        CodeRecord clash = new CodeRecord(c.codeHash(), owner(stores), CodePurpose.EMAIL_VERIFY, null,
                c.createdAt(), c.expiresAt(), 0);

        assertThatThrownBy(() -> codes().insert(clash)).isInstanceOf(DuplicateKeyException.class);
        assertThat(codes().consume(c.codeHash(), CodePurpose.EMAIL_VERIFY)).isEmpty();
        assertThat(codes().consume(c.codeHash(), CodePurpose.PASSWORD_RESET)).contains(c);
    }

    @Test
    @DisplayName("[required] CodeStore consume: a code of another purpose is neither returned nor removed (SEC-15)")
    void consumeWithWrongPurposeKeepsCode() {
        CodeRecord c = inserted(owner(stores), CodePurpose.EMAIL_VERIFY);

        for (CodePurpose other : CodePurpose.values()) {
            if (other != CodePurpose.EMAIL_VERIFY) assertThat(codes().consume(c.codeHash(), other)).isEmpty();
        }
        assertThat(codes().consume(c.codeHash(), CodePurpose.EMAIL_VERIFY)).contains(c);
    }

    @Test
    @DisplayName("[required] CodeStore consume: expired codes are returned too (the service tells expired from invalid)")
    void consumeReturnsExpiredCode() {
        Instant at = millisNow(clock).minus(Duration.ofDays(2));
        CodeRecord expired = new CodeRecord(Fixtures.tokenHash(), owner(stores), CodePurpose.PASSWORD_RESET, null,
                at, at.plus(Duration.ofMinutes(15)), 2);
        codes().insert(expired);

        assertThat(codes().consume(expired.codeHash(), CodePurpose.PASSWORD_RESET)).contains(expired);
    }

    @Test
    @DisplayName("[required] CodeStore deleteFor: deletes the user's codes of this purpose only and returns how many")
    void deleteForDeletesOnePurpose() {
        UserId user = owner(stores);
        inserted(user, CodePurpose.PASSWORD_RESET);
        inserted(user, CodePurpose.PASSWORD_RESET);
        CodeRecord otherPurpose = inserted(user, CodePurpose.EMAIL_VERIFY);
        CodeRecord otherUser = inserted(owner(stores), CodePurpose.PASSWORD_RESET);

        assertThat(codes().deleteFor(user, CodePurpose.PASSWORD_RESET)).isEqualTo(2);
        assertThat(codes().deleteFor(user, CodePurpose.PASSWORD_RESET)).isZero();
        assertThat(codes().consume(otherPurpose.codeHash(), CodePurpose.EMAIL_VERIFY)).contains(otherPurpose);
        assertThat(codes().consume(otherUser.codeHash(), CodePurpose.PASSWORD_RESET)).contains(otherUser);
    }

    @Test
    @DisplayName("[required] CodeStore deleteAllFor: deletes every code of the user and returns how many (A10)")
    void deleteAllForDeletesUsersCodes() {
        UserId user = owner(stores);
        List<CodeRecord> mine = List.of(inserted(user, CodePurpose.PASSWORD_RESET), inserted(user, CodePurpose.EMAIL_VERIFY),
                inserted(user, CodePurpose.PHONE_RESET));
        CodeRecord otherUser = inserted(owner(stores), CodePurpose.PASSWORD_RESET);

        assertThat(codes().deleteAllFor(user)).isEqualTo(3);
        assertThat(codes().deleteAllFor(user)).isZero();
        mine.forEach(c -> assertThat(codes().consume(c.codeHash(), c.purpose())).isEmpty());
        assertThat(codes().consume(otherUser.codeHash(), CodePurpose.PASSWORD_RESET)).contains(otherUser);
    }

    @Test
    @DisplayName("[required] CodeStore recordFailedAttempt: adds one to the user's codes of this purpose and returns the new highest count")
    void recordFailedAttemptCounts() {
        UserId user = owner(stores);
        CodeRecord c = inserted(user, CodePurpose.PHONE_RESET);
        CodeRecord otherPurpose = inserted(user, CodePurpose.PASSWORD_RESET);

        assertThat(codes().recordFailedAttempt(user, CodePurpose.PHONE_RESET)).isEqualTo(OptionalInt.of(1));
        assertThat(codes().recordFailedAttempt(user, CodePurpose.PHONE_RESET)).isEqualTo(OptionalInt.of(2));
        Optional<CodeRecord> back = codes().consume(c.codeHash(), CodePurpose.PHONE_RESET);
        assertThat(back).map(CodeRecord::failedAttempts).contains(2);
        assertThat(codes().consume(otherPurpose.codeHash(), CodePurpose.PASSWORD_RESET)).contains(otherPurpose);
    }

    @Test
    @DisplayName("[required] CodeStore recordFailedAttempt: empty if the user has no code of this purpose")
    void recordFailedAttemptWithoutCodeIsEmpty() {
        UserId user = owner(stores);
        inserted(user, CodePurpose.PASSWORD_RESET);
        inserted(owner(stores), CodePurpose.PHONE_RESET);

        assertThat(codes().recordFailedAttempt(user, CodePurpose.PHONE_RESET)).isEmpty();
    }

    /**
     * If this fails, consume finds the code and deletes it in two steps: let the delete decide who
     * wins (only the caller whose delete removed the row gets it).
     */
    @Test
    @DisplayName("REL-1 SEC-13 [required] CodeStore consume: 64 concurrent consumers, exactly one wins")
    void concurrentConsumeHasOneWinner() {
        CodeRecord c = inserted(owner(stores), CodePurpose.PASSWORD_RESET);

        List<Race.Outcome<Optional<CodeRecord>>> outcomes = Race.run(64, i -> codes().consume(c.codeHash(), CodePurpose.PASSWORD_RESET));

        assertThat(Race.errors(outcomes)).isEmpty();
        assertThat(Race.values(outcomes)).filteredOn(Optional::isPresent).hasSize(1);
        assertThat(codes().consume(c.codeHash(), CodePurpose.PASSWORD_RESET)).isEmpty();
    }

    @Test
    @DisplayName("SEC-11 [required] CodeStore recordFailedAttempt: 32 concurrent failures are all counted")
    void concurrentFailedAttemptsAllCount() {
        UserId user = owner(stores);
        CodeRecord c = inserted(user, CodePurpose.PHONE_RESET);

        List<Race.Outcome<OptionalInt>> outcomes = Race.run(32, i -> codes().recordFailedAttempt(user, CodePurpose.PHONE_RESET));

        assertThat(Race.errors(outcomes)).isEmpty();
        assertThat(Race.values(outcomes)).extracting(OptionalInt::getAsInt).doesNotHaveDuplicates();
        assertThat(codes().consume(c.codeHash(), CodePurpose.PHONE_RESET)).map(CodeRecord::failedAttempts).contains(32);
    }
}
