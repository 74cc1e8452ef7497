package dev.userkit.testkit.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ErrorCode;
import dev.userkit.accounts.Accounts;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SEC-29's numeric model through the services ({@link dev.userkit.domain.JsonValues}): a number
 * has one normalised form, the call returns it, every store reads it back, and a filter by any
 * form of the same number finds it. The store-level half is in the user-store query contract.
 *
 * <p>If the read-back fails on one store only, check how it writes and reads JSON numbers
 * (a whole double written as an integer comes back as a long).
 */
public abstract class NumericModelTests extends IdentityFixture {
    /** A raw number and the normalised value (with its type) the model gives it. */
    private record Case(Object raw, Object normal) {}

    private static final List<Case> CASES = List.of(
            new Case(7, 7L), new Case((short) -3, -3L), new Case(3.0, 3L), new Case(new BigDecimal("3.00"), 3L),
            new Case(-0.0, 0L), new Case(new BigDecimal("1e-400"), 0L), new Case(1.0E16, 10_000_000_000_000_000L),
            new Case(new BigDecimal("9007199254740993"), 9_007_199_254_740_993L), new Case(Long.MAX_VALUE, Long.MAX_VALUE),
            new Case(new BigDecimal("-9223372036854775808.000"), Long.MIN_VALUE), new Case(2.5, 2.5), new Case(0.5f, 0.5),
            new Case(new BigDecimal("0.1"), 0.1), new Case(1.0E20, 1.0E20), new Case(BigInteger.TWO.pow(70), 0x1p70),
            new Case(new BigDecimal("9223372036854775808"), 0x1p63), new Case(Double.MIN_VALUE, Double.MIN_VALUE),
            new Case(-Double.MAX_VALUE, -Double.MAX_VALUE));

    @Test
    @DisplayName("SEC-29 [required] a number is stored, returned and read back in its one normalised form (whole numbers that fit a long are Long, others Double); NaN, infinities and out-of-range numbers are 1009")
    void oneNormalForm() {
        Accounts accounts = kit().accounts();
        UserId id = accounts.register(user("ann"), null).userId();
        for (Case c : CASES) {
            Object returned = accounts.setMetadataField(id, "n", c.raw()).metadata().get("n");
            Object read = stores.users().findById(id).orElseThrow().user().metadata().get("n");
            assertThat(returned).as("returned for %s", c.raw()).isEqualTo(c.normal());
            assertThat(read).as("read back for %s", c.raw()).isEqualTo(c.normal());
        }

        User before = stores.users().findById(id).orElseThrow().user();
        for (Object bad : List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, new BigDecimal("1e400"),
                BigInteger.TEN.pow(400), new BigDecimal("-1e1000000000"))) {
            assertCode(ErrorCode.INVALID_METADATA, () -> accounts.setMetadataField(id, "n", bad));
            assertCode(ErrorCode.INVALID_METADATA, () -> accounts.listByMetadata("n", bad, null, 10));
        }
        assertThat(stores.users().findById(id).orElseThrow().user()).isEqualTo(before);
    }

    @Test
    @DisplayName("SEC-29 [required] listByMetadata(1.0E16) finds the user holding 10000000000000000, and a filter by any form of a number finds exactly its holders")
    void filterByAnyForm() {
        Accounts accounts = kit().accounts();
        UserId big = accounts.register(user("big"), null).userId();
        UserId half = accounts.register(user("half"), null).userId();
        UserId next = accounts.register(user("next"), null).userId();
        accounts.setMetadataField(big, "n", 10_000_000_000_000_000L);
        accounts.setMetadataField(half, "n", 2.5);
        accounts.setMetadataField(next, "n", 10_000_000_000_000_001L);

        for (Object form : List.of(1.0E16, new BigDecimal("1E+16"), BigInteger.TEN.pow(16), 10_000_000_000_000_000L)) {
            assertThat(accounts.listByMetadata("n", form, null, 10)).as("filter %s", form).extracting(User::id).containsExactly(big);
        }
        for (Object form : List.of(2.5, 2.5f, new BigDecimal("2.50"))) {
            assertThat(accounts.listByMetadata("n", form, null, 10)).as("filter %s", form).extracting(User::id).containsExactly(half);
        }
        assertThat(accounts.listByMetadata("n", new BigDecimal("10000000000000001"), null, 10)).extracting(User::id).containsExactly(next);
    }
}
