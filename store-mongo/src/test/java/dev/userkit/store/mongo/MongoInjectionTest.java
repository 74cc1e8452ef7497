package dev.userkit.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.UserId;
import dev.userkit.spi.RoleRecord;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UserQuery;
import dev.userkit.spi.UserRecord;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SEC-22: every string a port takes is a plain value. Operator documents, JavaScript, dotted and
 * {@code $}-prefixed names and regular-expression syntax match only themselves, literally.
 */
class MongoInjectionTest {
    private static final WipedDatabase DB = new WipedDatabase("injection");
    private static final String PHONE = "+4915112345678";

    private Stores stores;
    private UserRecord alice;

    /** Inputs that would match or run something if a store parsed them or used them as a pattern. */
    static List<String> hostile() {
        return List.of("{\"$ne\": null}", "{\"$gt\": \"\"}", "{\"$regex\": \".*\"}", "$where", "$ne", "$gt",
                "this.usernameKey == this.usernameKey", "function() { return true; }", "'; return true; var x='",
                "a.b", "$foo.bar", "metadata.plan", ".*", "^", "^a", "a|b|.*", "[a-z]+", "(?i)ALICE", "alice.*",
                "\\", "\\d+", "+49.*", "*", "", " ", "null", "true", "{}", "[]");
    }

    @BeforeEach
    void seed() {
        stores = DB.wipedStores();
        alice = TestRecords.user("alice", PHONE, Map.of("plan", "pro", "level", 3L));
        stores.users().insert(alice);
        stores.users().insert(TestRecords.user("bob"));
        stores.sessions().insert(TestRecords.session(alice.user().id(), "tokenhash-alice"));
        for (CodePurpose p : CodePurpose.values()) stores.codes().insert(TestRecords.code(alice.user().id(), "code-" + p, p));
        RoleRecord admin = TestRecords.role("admin");
        stores.roles().insert(admin);
        stores.roles().grant(alice.user().id(), admin.role().id());
        stores.devices().insert(TestRecords.device(alice.user().id(), "devicehash-alice"));
        stores.attempts().increment("attempt-key", TestRecords.NOW, Duration.ofMinutes(5));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("hostile")
    @DisplayName("SEC-22 a hostile string matches nothing in any lookup of any port")
    void hostileLookupsMatchNothing(String input) {
        UserId id = alice.user().id();
        assertThat(stores.users().findByUsernameKey(input)).isEmpty();
        assertThat(stores.users().findByEmailKey(input)).isEmpty();
        assertThat(stores.users().findByPhone(input)).isEmpty();
        assertThat(stores.users().list(new UserQuery(null, 10, "plan", input))).isEmpty();
        assertThat(stores.sessions().findByTokenHash(input)).isEmpty();
        for (CodePurpose p : CodePurpose.values()) assertThat(stores.codes().consume(input, p)).isEmpty();
        assertThat(stores.roles().findByName(input)).isEmpty();
        assertThat(stores.devices().find(id, input)).isEmpty();
        assertThat(stores.attempts().current(input, TestRecords.NOW)).isEmpty();
        stores.attempts().reset(input);
        assertThatSeedIsIntact();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("hostile")
    @DisplayName("SEC-22 a hostile string stored as a value is found by exactly itself and by nothing else")
    void hostileValuesRoundTripLiterally(String input) {
        UserRecord eve = TestRecords.user("eve", null, Map.of("plan", input));
        stores.users().insert(eve);
        stores.sessions().insert(TestRecords.session(eve.user().id(), input));
        stores.codes().insert(TestRecords.code(eve.user().id(), input, CodePurpose.EMAIL_VERIFY));
        RoleRecord role = TestRecords.role(input);
        stores.roles().insert(role);
        stores.devices().insert(TestRecords.device(eve.user().id(), input));

        assertThat(stores.users().list(new UserQuery(null, 10, "plan", input))).containsExactly(eve);
        assertThat(stores.sessions().findByTokenHash(input)).hasValueSatisfying(s -> assertThat(s.tokenHash()).isEqualTo(input));
        assertThat(stores.roles().findByName(input)).hasValueSatisfying(r -> assertThat(r.role().name()).isEqualTo(input));
        assertThat(stores.devices().find(eve.user().id(), input)).isPresent();
        assertThat(stores.codes().consume(input, CodePurpose.EMAIL_VERIFY)).isPresent();
        assertThat(stores.attempts().increment(input, TestRecords.NOW, Duration.ofMinutes(5)).count()).isEqualTo(1);
        assertThatSeedIsIntact();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badFieldNames")
    @DisplayName("SEC-22 a metadata filter on an operator, dotted or otherwise invalid field name is refused with 1009")
    void badMetadataFieldNamesAreRefused(String field) {
        assertThatThrownBy(() -> stores.users().list(new UserQuery(null, 10, field, "pro")))
                .isInstanceOfSatisfying(UserKitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_METADATA));
    }

    static List<String> badFieldNames() {
        return List.of("$where", "$ne", "a.b", "metadata.plan", "$foo.bar", "plan.$", "", " ", "pl an", "{\"$ne\": null}", "x".repeat(65));
    }

    @Test
    @DisplayName("SEC-22 an operator document as a metadata filter value is refused with 1009, so it never reaches a query")
    void operatorDocumentAsFilterValueIsRefused() {
        Map<String, Object> ne = new HashMap<>();
        ne.put("$ne", null);
        assertThatThrownBy(() -> stores.users().list(new UserQuery(null, 10, "plan", ne)))
                .isInstanceOfSatisfying(UserKitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_METADATA));
        assertThatThrownBy(() -> stores.users().list(new UserQuery(null, 10, "plan", Map.of("$gt", ""))))
                .isInstanceOf(UserKitException.class);
    }

    @Test
    @DisplayName("SEC-22 metadata keys that are operators or dotted paths never reach the store (refused with 1009)")
    void operatorKeysInMetadataAreRefused() {
        for (String key : List.of("$set", "$where", "a.b", "$ne")) {
            assertThatThrownBy(() -> TestRecords.user("mallory", null, Map.of(key, "x")))
                    .isInstanceOfSatisfying(UserKitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_METADATA));
        }
    }

    @Test
    @DisplayName("SEC-22 an equality filter on metadata does not match inside arrays or sub-documents")
    void metadataEqualityIsWholeValue() {
        UserRecord listy = TestRecords.user("listy", null, Map.of("plan", List.of("pro", "free")));
        UserRecord nested = TestRecords.user("nested", null, Map.of("plan", Map.of("pro", "pro")));
        stores.users().insert(listy);
        stores.users().insert(nested);
        assertThat(stores.users().list(new UserQuery(null, 10, "plan", "pro"))).containsExactly(alice);
        assertThat(stores.users().list(new UserQuery(null, 10, "level", 3L))).containsExactly(alice);
        assertThat(stores.users().list(new UserQuery(null, 10, "level", "3"))).isEmpty();
    }

    private void assertThatSeedIsIntact() {
        assertThat(stores.users().findByUsernameKey("alice")).contains(alice);
        assertThat(stores.users().findByPhone(PHONE)).contains(alice);
        assertThat(stores.sessions().findByTokenHash("tokenhash-alice")).isPresent();
        assertThat(stores.roles().rolesOf(alice.user().id())).extracting(r -> r.name()).containsExactly("admin");
        assertThat(stores.devices().find(alice.user().id(), "devicehash-alice")).isPresent();
        assertThat(stores.attempts().current("attempt-key", TestRecords.NOW)).hasValueSatisfying(c -> assertThat(c.count()).isEqualTo(1));
        assertThat(stores.codes().recordFailedAttempt(alice.user().id(), CodePurpose.PASSWORD_RESET)).isPresent();
    }
}
