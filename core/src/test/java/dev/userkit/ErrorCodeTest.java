package dev.userkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** H1: stable, unique numbers and message keys, umpack's ranges included. */
class ErrorCodeTest {

    @Test
    @DisplayName("H1 every error code has a unique number and message key; umpack's 601-609, 701-704, 800-807, 900-901 exist")
    void uniqueAndComplete() {
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::number)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::messageKey)).doesNotHaveDuplicates();
        var numbers = Arrays.stream(ErrorCode.values()).map(ErrorCode::number).toList();
        for (int[] range : new int[][] {{601, 609}, {701, 704}, {800, 807}, {900, 901}}) {
            for (int n = range[0]; n <= range[1]; n++) assertThat(numbers).contains(n);
        }
    }

    @Test
    @DisplayName("H4 a domain outcome carries its code; a store fault is a different type")
    void outcomeVersusFault() {
        UserKitException e = new UserKitException(ErrorCode.USER_EXISTS);
        assertThat(e.code().number()).isEqualTo(602);
        assertThat(new StoreException("down")).isNotInstanceOf(UserKitException.class);
    }
}
