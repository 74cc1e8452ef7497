package dev.userkit.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.Phone;
import dev.userkit.spi.RoleRecord;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UserQuery;
import dev.userkit.spi.UserRecord;
import dev.userkit.testkit.Fixtures;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ST4: user spaces are databases side by side on one server; nothing crosses between them. */
class MongoUserSpacesTest {
    private static final WipedDatabase SPACE_A = new WipedDatabase("space_a");
    private static final WipedDatabase SPACE_B = new WipedDatabase("space_b");

    @Test
    @DisplayName("ST4 the same names, hashes and keys live independently in two user spaces on one server")
    void sameKeysInTwoSpacesDoNotClash() {
        Stores a = SPACE_A.wipedStores();
        Stores b = SPACE_B.wipedStores();
        UserRecord inA = fill(a);
        UserRecord inB = fill(b);

        assertThat(a.users().findByUsernameKey("alice")).contains(inA);
        assertThat(b.users().findByUsernameKey("alice")).contains(inB);
        assertThat(inA.user().id()).isNotEqualTo(inB.user().id());
        assertThat(b.users().findById(inA.user().id())).isEmpty();
        assertThat(b.sessions().list(SessionFilter.ofUser(inA.user().id()), null, 10)).isEmpty();
        assertThat(b.roles().rolesOf(inA.user().id())).isEmpty();
        assertThat(b.devices().list(inA.user().id(), false)).isEmpty();
        assertThat(b.codes().deleteAllFor(inA.user().id())).isZero();
    }

    @Test
    @DisplayName("ST4 deleting and counting in one user space leaves the other untouched")
    void changesStayInTheirSpace() {
        Stores a = SPACE_A.wipedStores();
        Stores b = SPACE_B.wipedStores();
        UserRecord inA = fill(a);
        UserRecord inB = fill(b);

        assertThat(a.codes().consume("code", CodePurpose.PASSWORD_RESET)).isPresent();
        assertThat(a.sessions().deleteMatching(SessionFilter.all(), 100)).isEqualTo(1);
        assertThat(a.roles().delete(a.roles().findByName("admin").orElseThrow().role().id())).isTrue();
        assertThat(a.attempts().increment("key", Fixtures.AT, Duration.ofMinutes(1)).count()).isEqualTo(2);
        assertThat(a.users().delete(inA.user().id())).isTrue();

        assertThat(b.users().list(UserQuery.firstPage(10))).containsExactly(inB);
        assertThat(b.codes().consume("code", CodePurpose.PASSWORD_RESET)).isPresent();
        assertThat(b.sessions().findByTokenHash("token")).isPresent();
        assertThat(b.roles().rolesOf(inB.user().id())).extracting(r -> r.name()).containsExactly("admin");
        assertThat(b.attempts().current("key", Fixtures.AT)).hasValueSatisfying(c -> assertThat(c.count()).isEqualTo(1));
        assertThat(b.devices().find(inB.user().id(), "device")).isPresent();
    }

    private static UserRecord fill(Stores s) {
        UserRecord u = Fixtures.record(Fixtures.aSampleUser("alice").phone(Phone.of("+4915112345678")).build());
        s.users().insert(u);
        s.sessions().insert(Fixtures.session(u.user().id(), Fixtures.AT, "token"));
        s.codes().insert(Fixtures.code(u.user().id(), CodePurpose.PASSWORD_RESET, Fixtures.AT, "code"));
        RoleRecord role = Fixtures.role("admin");
        s.roles().insert(role);
        s.roles().grant(u.user().id(), role.role().id());
        s.devices().insert(Fixtures.device(u.user().id(), Fixtures.AT, "device"));
        s.attempts().increment("key", Fixtures.AT, Duration.ofMinutes(1));
        return u;
    }
}
