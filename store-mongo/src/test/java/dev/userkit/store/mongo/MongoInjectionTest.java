package dev.userkit.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.Phone;
import dev.userkit.domain.UserId;
import dev.userkit.spi.MessageKind;
import dev.userkit.spi.OutboxRecord;
import dev.userkit.spi.OutboxState;
import dev.userkit.spi.RoleRecord;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UserQuery;
import dev.userkit.spi.UserRecord;
import dev.userkit.testkit.Fixtures;
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
    private static final String MESSAGE = "message-alice";
    private static final String SENDER = "sender-alice";

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
        alice = Fixtures.record(Fixtures.aSampleUser("alice").phone(Phone.of(PHONE))
                .metadata(Map.of("plan", "pro", "level", 3L)).build());
        stores.users().insert(alice);
        stores.users().insert(Fixtures.sampleUser("bob"));
        stores.sessions().insert(Fixtures.session(alice.user().id(), Fixtures.AT, "tokenhash-alice"));
        for (CodePurpose p : CodePurpose.values()) stores.codes().insert(Fixtures.code(alice.user().id(), p, Fixtures.AT, "code-" + p));
        RoleRecord admin = Fixtures.role("admin");
        stores.roles().insert(admin);
        stores.roles().grant(alice.user().id(), admin.role().id());
        stores.devices().insert(Fixtures.device(alice.user().id(), Fixtures.AT, "devicehash-alice"));
        stores.attempts().increment("attempt-key", Fixtures.AT, Duration.ofMinutes(5));
        stores.outbox().add(message(MESSAGE));
        stores.outbox().claim(MESSAGE, SENDER, Fixtures.AT, Fixtures.AT.plusSeconds(60)).orElseThrow();
    }

    private static OutboxRecord message(String id) {
        return OutboxRecord.queued(id, MessageKind.PASSWORD_RESET, new byte[] {1, 2, 3}, Fixtures.AT, Fixtures.AT.plusSeconds(900));
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
        assertThat(stores.attempts().current(input, Fixtures.AT)).isEmpty();
        stores.attempts().reset(input);
        assertThat(stores.outbox().findById(input)).isEmpty();
        assertThat(stores.outbox().claim(input, input, Fixtures.AT.plusSeconds(120), Fixtures.AT.plusSeconds(180))).isEmpty();
        assertThat(stores.outbox().delivered(input, SENDER, Fixtures.AT)).isFalse();
        assertThat(stores.outbox().delivered(MESSAGE, input, Fixtures.AT)).isFalse();
        assertThat(stores.outbox().failed(MESSAGE, input, "x", Fixtures.AT, true)).isFalse();
        assertThat(stores.outbox().retry(input, Fixtures.AT)).isFalse();
        assertThatSeedIsIntact();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("hostile")
    @DisplayName("SEC-22 a hostile string stored as a value is found by exactly itself and by nothing else")
    void hostileValuesRoundTripLiterally(String input) {
        UserRecord eve = Fixtures.record(Fixtures.aSampleUser("eve").metadata(Map.of("plan", input)).build());
        stores.users().insert(eve);
        stores.sessions().insert(Fixtures.session(eve.user().id(), Fixtures.AT, input));
        stores.codes().insert(Fixtures.code(eve.user().id(), CodePurpose.EMAIL_VERIFY, Fixtures.AT, input));
        RoleRecord role = Fixtures.role(input);
        stores.roles().insert(role);
        stores.devices().insert(Fixtures.device(eve.user().id(), Fixtures.AT, input));

        assertThat(stores.users().list(new UserQuery(null, 10, "plan", input))).containsExactly(eve);
        assertThat(stores.sessions().findByTokenHash(input)).hasValueSatisfying(s -> assertThat(s.tokenHash()).isEqualTo(input));
        assertThat(stores.roles().findByName(input)).hasValueSatisfying(r -> assertThat(r.role().name()).isEqualTo(input));
        assertThat(stores.devices().find(eve.user().id(), input)).isPresent();
        assertThat(stores.codes().consume(input, CodePurpose.EMAIL_VERIFY)).isPresent();
        assertThat(stores.attempts().increment(input, Fixtures.AT, Duration.ofMinutes(5)).count()).isEqualTo(1);
        stores.outbox().add(message(input));
        assertThat(stores.outbox().claim(input, input, Fixtures.AT, Fixtures.AT.plusSeconds(60))).isPresent();
        assertThat(stores.outbox().delivered(input, input, Fixtures.AT)).isTrue();
        assertThat(stores.outbox().findById(input)).hasValueSatisfying(m -> assertThat(m.state()).isEqualTo(OutboxState.DELIVERED));
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
            assertThatThrownBy(() -> Fixtures.record(Fixtures.aSampleUser("mallory").metadata(Map.of(key, "x")).build()))
                    .isInstanceOfSatisfying(UserKitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_METADATA));
        }
    }

    @Test
    @DisplayName("SEC-22 an equality filter on metadata does not match inside arrays or sub-documents")
    void metadataEqualityIsWholeValue() {
        UserRecord listy = Fixtures.record(Fixtures.aSampleUser("listy")
                .metadata(Map.of("plan", List.of("pro", "free"))).build());
        UserRecord nested = Fixtures.record(Fixtures.aSampleUser("nested")
                .metadata(Map.of("plan", Map.of("pro", "pro"))).build());
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
        assertThat(stores.attempts().current("attempt-key", Fixtures.AT)).hasValueSatisfying(c -> assertThat(c.count()).isEqualTo(1));
        assertThat(stores.codes().recordFailedAttempt(alice.user().id(), CodePurpose.PASSWORD_RESET)).isPresent();
        assertThat(stores.outbox().findById(MESSAGE)).hasValueSatisfying(m -> {
            assertThat(m.state()).isEqualTo(OutboxState.PENDING);
            assertThat(m.leaseOwner()).isEqualTo(SENDER);
            assertThat(m.payload()).containsExactly(1, 2, 3);
        });
    }
}
