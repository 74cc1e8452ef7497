package dev.userkit.store.jdbc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.domain.CodePurpose;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.UserQuery;
import dev.userkit.spi.UserRecord;
import dev.userkit.testkit.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ST4 on a real server: two user spaces side by side never see each other's data. A store module extends it. */
public abstract class UserSpaceTests {
    /** The server to create spaces on. */
    protected abstract SqlTestServer server();

    @Test
    @DisplayName("ST4 two user spaces hold the same username independently and never see each other's rows")
    void spacesAreIsolated() {
        try (TestSpace one = server().newSpace("space_one"); TestSpace two = server().newSpace("space_two")) {
            UserRecord adaOne = Fixtures.sampleUser("ada");
            UserRecord adaTwo = Fixtures.sampleUser("ada");
            one.stores().users().insert(adaOne);
            two.stores().users().insert(adaTwo);
            one.stores().codes().insert(new CodeRecord("hash-one", adaOne.user().id(), CodePurpose.PASSWORD_RESET, null,
                    Fixtures.AT, Fixtures.AT.plusSeconds(60), 0));

            assertThat(one.stores().users().findByUsernameKey("ada")).contains(adaOne);
            assertThat(two.stores().users().findByUsernameKey("ada")).contains(adaTwo);
            assertThat(one.stores().users().findById(adaTwo.user().id())).isEmpty();
            assertThat(two.stores().users().list(UserQuery.firstPage(10))).containsExactly(adaTwo);
            assertThat(two.stores().codes().consume("hash-one", CodePurpose.PASSWORD_RESET)).isEmpty();
            assertThat(one.stores().codes().consume("hash-one", CodePurpose.PASSWORD_RESET)).isPresent();
        }
    }
}
