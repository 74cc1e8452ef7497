package dev.userkit.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.domain.CodePurpose;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UserQuery;
import dev.userkit.spi.UserRecord;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MongoPortsSmokeTest {
    private static final WipedDatabase DB = new WipedDatabase("smoke");

    @Test
    void roundTrips() {
        Stores s = DB.wipedStores();
        UserRecord u = TestRecords.user("alice", "+4915112345678", Map.of("plan", "pro", "n", 3L));
        s.users().insert(u);
        assertThat(s.users().findByUsernameKey("alice")).contains(u);
        assertThat(s.users().list(new UserQuery(null, 10, "plan", "pro"))).containsExactly(u);
        s.users().insert(TestRecords.user("bob"));
        s.users().insert(TestRecords.user("carol"));
        var sess = TestRecords.session(u.user().id(), "h1");
        s.sessions().insert(sess);
        assertThat(s.sessions().findByTokenHash("h1")).contains(sess);
        s.codes().insert(TestRecords.code(u.user().id(), "c1", CodePurpose.PASSWORD_RESET));
        assertThat(s.codes().recordFailedAttempt(u.user().id(), CodePurpose.PASSWORD_RESET)).hasValue(1);
        assertThat(s.codes().consume("c1", CodePurpose.PASSWORD_RESET)).isPresent();
        var role = TestRecords.role("admin");
        s.roles().insert(role);
        assertThat(s.roles().grant(u.user().id(), role.role().id())).isTrue();
        assertThat(s.roles().grant(u.user().id(), role.role().id())).isFalse();
        assertThat(s.roles().rolesOf(u.user().id())).containsExactly(role.role());
        assertThat(s.attempts().increment("k", TestRecords.NOW, java.time.Duration.ofMinutes(1)).count()).isEqualTo(1);
        assertThat(s.attempts().increment("k", TestRecords.NOW, java.time.Duration.ofMinutes(1)).count()).isEqualTo(2);
        assertThat(s.attempts().increment("k", TestRecords.NOW.plusSeconds(60), java.time.Duration.ofMinutes(1)).count()).isEqualTo(1);
        var d = TestRecords.device(u.user().id(), "d1");
        s.devices().insert(d);
        assertThat(s.devices().find(u.user().id(), "d1")).contains(d);
    }
}
