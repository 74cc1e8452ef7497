package dev.userkit.testkit.contracts;

import static dev.userkit.testkit.Fixtures.aSession;
import static dev.userkit.testkit.Fixtures.millisNow;
import static dev.userkit.testkit.Fixtures.owner;
import static dev.userkit.testkit.Fixtures.session;
import static dev.userkit.testkit.Fixtures.sessionExpiringAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.domain.DeviceId;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.JsonValues;
import dev.userkit.domain.Session;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.SessionStore;
import dev.userkit.testkit.Fixtures;
import dev.userkit.testkit.StoreFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@link SessionStore} contract (and {@link SessionFilter}'s): one test per sentence of the javadoc.
 *
 * <p>If a test fails, check: every field round-trips, session data JSON and a null user
 * included; token hash and id are both unique ({@code DuplicateKeyException}); {@code touch} writes
 * last-seen and the idle end only, {@code touchIfLastSeen} the same but only while last-seen is the
 * instant given (one conditional write); each set field of {@link SessionFilter} narrows the
 * selection (AND), {@code expiredAt} is inclusive and counts the earlier of the idle and absolute ends;
 * {@code list} orders by id with an exclusive {@code after}; {@code deleteMatching} honours its
 * limit (the {@code purgeExpired} walk has its own contract, {@link SessionPurgeContract}). The filter tests run each case via {@code list} and via {@code deleteMatching}: if only
 * one of the two fails, the two methods build their conditions differently.
 */
public abstract class SessionStoreContract extends StoreFixture {
    /** The two ways a filter selects sessions; each filter sentence holds for both. */
    enum Selection {
        LIST {
            @Override
            Set<SessionId> select(SessionStore store, SessionFilter filter) {
                return store.list(filter, null, 1000).stream().map(r -> r.session().id()).collect(Collectors.toSet());
            }
        },
        DELETE_MATCHING {
            @Override
            Set<SessionId> select(SessionStore store, SessionFilter filter) {
                Set<SessionId> before = LIST.select(store, SessionFilter.all());
                int deleted = store.deleteMatching(filter, 1000);
                Set<SessionId> gone = new java.util.HashSet<>(before);
                gone.removeAll(LIST.select(store, SessionFilter.all()));
                assertThat(deleted).as("deleteMatching's count").isEqualTo(gone.size());
                return gone;
            }
        };

        abstract Set<SessionId> select(SessionStore store, SessionFilter filter);
    }

    private SessionStore sessions() {
        return stores.sessions();
    }

    private SessionRecord inserted(SessionRecord r) {
        sessions().insert(r);
        return r;
    }

    private static Set<SessionId> ids(SessionRecord... records) {
        return java.util.Arrays.stream(records).map(r -> r.session().id()).collect(Collectors.toSet());
    }

    @Test
    @DisplayName("[required] SessionStore findByTokenHash/findById: return the inserted session with every field intact")
    void findReturnsInsertedSession() {
        Instant at = millisNow(clock);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cart", List.of(Map.of("sku", "A-1", "qty", 2L, "price", 9.99)));
        data.put("locale", "de-DE ü 日本 \"q\" \\ $ne");
        data.put("big", Long.MAX_VALUE);
        data.put("none", null);
        Session s = aSession(owner(stores), at).lastSeenAt(at.plusMillis(1)).absoluteExpiresAt(at.plus(Duration.ofDays(30)))
                .data(data).deviceId(IdGenerator.deviceId()).build();
        SessionRecord r = new SessionRecord(s, Fixtures.tokenHash(), 7_000_000_000L);
        sessions().insert(r);

        assertThat(sessions().findByTokenHash(r.tokenHash())).contains(r);
        assertThat(sessions().findById(r.session().id())).contains(r);
        assertThat(sessions().findById(r.session().id()).orElseThrow().session().data()).isEqualTo(JsonValues.object(data));
    }

    @Test
    @DisplayName("[required] SessionStore insert: an anonymous session (no user) round-trips with a null user")
    void anonymousSessionRoundTrips() {
        SessionRecord r = inserted(session(null, millisNow(clock)));

        assertThat(sessions().findById(r.session().id())).contains(r);
    }

    @Test
    @DisplayName("[required] SessionStore find*: an unknown token hash or id returns empty")
    void findUnknownReturnsEmpty() {
        SessionRecord r = inserted(session(owner(stores), millisNow(clock)));

        assertThat(sessions().findByTokenHash(Fixtures.tokenHash())).isEmpty();
        assertThat(sessions().findByTokenHash(r.tokenHash().toUpperCase())).isEmpty();
        assertThat(sessions().findById(IdGenerator.sessionId())).isEmpty();
    }

    @Test
    @DisplayName("[required] SessionStore insert: a token hash that exists already throws DuplicateKeyException")
    void insertDuplicateTokenHashThrows() {
        SessionRecord first = inserted(session(owner(stores), millisNow(clock)));
        SessionRecord other = session(owner(stores), millisNow(clock));
        SessionRecord clash = new SessionRecord(other.session(), first.tokenHash(), 0);

        assertThatThrownBy(() -> sessions().insert(clash)).isInstanceOf(DuplicateKeyException.class);
        assertThat(sessions().findById(other.session().id())).isEmpty();
        assertThat(sessions().findByTokenHash(first.tokenHash())).contains(first);
    }

    @Test
    @DisplayName("[required] SessionStore insert: an id that exists already throws DuplicateKeyException")
    void insertDuplicateIdThrows() {
        SessionRecord first = inserted(session(owner(stores), millisNow(clock)));
        SessionRecord clash = new SessionRecord(first.session(), Fixtures.tokenHash(), 0);

        assertThatThrownBy(() -> sessions().insert(clash)).isInstanceOf(DuplicateKeyException.class);
        assertThat(sessions().findByTokenHash(clash.tokenHash())).isEmpty();
    }

    @Test
    @DisplayName("[required] SessionStore findByTokenHash: expired sessions are returned too")
    void findReturnsExpiredSessions() {
        SessionRecord expired = inserted(sessionExpiringAt(owner(stores), millisNow(clock).minus(Duration.ofDays(1)), null));

        assertThat(sessions().findByTokenHash(expired.tokenHash())).contains(expired);
    }

    @Test
    @DisplayName("[required] SessionStore touch: sets last-seen and idle expiry only; false if the session is gone")
    void touchSetsSlidingInstants() {
        SessionRecord r = inserted(session(owner(stores), millisNow(clock)));
        Instant seen = r.session().createdAt().plusMillis(61_001);
        Instant idle = seen.plus(Duration.ofHours(1));
        Session s = r.session();

        assertThat(sessions().touch(s.id(), seen, idle)).isTrue();
        Session expected = s.toBuilder().lastSeenAt(seen).idleExpiresAt(idle).build();
        assertThat(sessions().findById(s.id())).contains(new SessionRecord(expected, r.tokenHash(), r.securityStamp()));
        assertThat(sessions().touch(IdGenerator.sessionId(), seen, idle)).isFalse();
    }

    /** Slides {@code r} from its stored last-seen instant with touchIfLastSeen, asserting that it wrote; the new last-seen. */
    private Instant slidOnce(SessionRecord r) {
        Instant seen = r.session().lastSeenAt().plusMillis(61_001);
        assertThat(sessions().touchIfLastSeen(r.session().id(), r.session().lastSeenAt(), seen, seen.plus(Duration.ofHours(1)))).isTrue();
        return seen;
    }

    @Test
    @DisplayName("[required] SessionStore touchIfLastSeen: writes last-seen and idle expiry when last-seen is still the expected instant")
    void touchIfLastSeenWritesWhenUnchanged() {
        SessionRecord r = inserted(session(owner(stores), millisNow(clock)));

        Instant seen = slidOnce(r);

        Session expected = r.session().toBuilder().lastSeenAt(seen).idleExpiresAt(seen.plus(Duration.ofHours(1))).build();
        assertThat(sessions().findById(r.session().id())).contains(new SessionRecord(expected, r.tokenHash(), r.securityStamp()));
    }

    /** If this fails, the write is unconditional: concurrent validations of one due session would each write it (SEC-18). */
    @Test
    @DisplayName("[required] SessionStore touchIfLastSeen: false and nothing changed when last-seen moved since the read, or the session is gone")
    void touchIfLastSeenRefusesWhenChanged() {
        SessionRecord r = inserted(session(owner(stores), millisNow(clock)));
        Instant read = r.session().lastSeenAt();
        Instant seen = slidOnce(r);
        SessionRecord touched = sessions().findById(r.session().id()).orElseThrow();
        Instant later = seen.plusSeconds(60);

        assertThat(sessions().touchIfLastSeen(r.session().id(), read, later, later.plus(Duration.ofHours(1)))).isFalse();
        assertThat(sessions().touchIfLastSeen(r.session().id(), seen.minusMillis(1), later, later.plus(Duration.ofHours(1)))).isFalse();
        assertThat(sessions().findById(r.session().id())).contains(touched);
        assertThat(sessions().touchIfLastSeen(IdGenerator.sessionId(), seen, later, later)).isFalse();
    }

    @Test
    @DisplayName("[required] SessionStore delete: true if it existed, false the second time; it is then found by neither key")
    void deleteIsIdempotent() {
        SessionRecord r = inserted(session(owner(stores), millisNow(clock)));
        SessionRecord other = inserted(session(owner(stores), millisNow(clock)));

        assertThat(sessions().delete(r.session().id())).isTrue();
        assertThat(sessions().delete(r.session().id())).isFalse();
        assertThat(sessions().findById(r.session().id())).isEmpty();
        assertThat(sessions().findByTokenHash(r.tokenHash())).isEmpty();
        assertThat(sessions().findById(other.session().id())).contains(other);
    }

    @Test
    @DisplayName("[required] SessionStore deleteMatching: deletes at most limit sessions and returns how many")
    void deleteMatchingRespectsLimit() {
        UserId user = owner(stores);
        for (int i = 0; i < 5; i++) inserted(session(user, millisNow(clock)));
        SessionRecord bystander = inserted(session(owner(stores), millisNow(clock)));

        assertThat(sessions().deleteMatching(SessionFilter.ofUser(user), 2)).isEqualTo(2);
        assertThat(sessions().list(SessionFilter.ofUser(user), null, 100)).hasSize(3);
        assertThat(sessions().deleteMatching(SessionFilter.ofUser(user), 10)).isEqualTo(3);
        assertThat(sessions().deleteMatching(SessionFilter.ofUser(user), 10)).isZero();
        assertThat(sessions().findById(bystander.session().id())).contains(bystander);
    }

    @Test
    @DisplayName("[required] SessionStore list: ascending id order, after 'after', at most 'limit'")
    void listPagesInIdOrder() {
        UserId user = owner(stores);
        List<SessionRecord> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) made.add(session(user, millisNow(clock)));
        List<SessionId> sorted = made.stream().map(r -> r.session().id()).sorted(Comparator.naturalOrder()).toList();
        for (int i = made.size() - 1; i >= 0; i--) sessions().insert(made.get(i));

        List<SessionId> first = sessions().list(SessionFilter.all(), null, 2).stream().map(r -> r.session().id()).toList();
        List<SessionId> rest = sessions().list(SessionFilter.all(), first.get(1), 10).stream().map(r -> r.session().id()).toList();
        assertThat(first).containsExactlyElementsOf(sorted.subList(0, 2));
        assertThat(rest).containsExactlyElementsOf(sorted.subList(2, 5));
    }

    @ParameterizedTest(name = "{displayName} via {0}")
    @EnumSource(Selection.class)
    @DisplayName("[required] SessionStore filter all: null fields do not filter, every session is selected")
    void emptyFilterSelectsAll(Selection via) {
        SessionRecord a = inserted(session(owner(stores), millisNow(clock)));
        SessionRecord b = inserted(session(null, millisNow(clock)));
        SessionRecord c = inserted(sessionExpiringAt(owner(stores), millisNow(clock).minusSeconds(5), IdGenerator.deviceId()));

        assertThat(via.select(sessions(), SessionFilter.all())).isEqualTo(ids(a, b, c));
    }

    @ParameterizedTest(name = "{displayName} via {0}")
    @EnumSource(Selection.class)
    @DisplayName("[required] SessionStore filter userId: only that user's sessions (never anonymous ones)")
    void userIdFilterSelectsUsersSessions(Selection via) {
        UserId user = owner(stores);
        SessionRecord a = inserted(session(user, millisNow(clock)));
        SessionRecord b = inserted(sessionExpiringAt(user, millisNow(clock).minusSeconds(5), null));
        inserted(session(owner(stores), millisNow(clock)));
        inserted(session(null, millisNow(clock)));

        assertThat(via.select(sessions(), SessionFilter.ofUser(user))).isEqualTo(ids(a, b));
    }

    /** If this fails, the filter compares only one of the two ends, or uses {@code <} instead of {@code <=}. */
    @ParameterizedTest(name = "{displayName} via {0}")
    @EnumSource(Selection.class)
    @DisplayName("[required] SessionStore filter expiredAt: sessions whose expiresAt is at or before it (inclusive), the earlier end counting")
    void expiredAtFilterIsInclusive(Selection via) {
        Instant now = millisNow(clock);
        UserId user = owner(stores);
        SessionRecord atNow = inserted(sessionExpiringAt(user, now, null));
        SessionRecord earlier = inserted(sessionExpiringAt(null, now.minus(Duration.ofDays(2)), null));
        SessionRecord absoluteEnded = inserted(session(user, now.minus(Duration.ofDays(1)), now.plus(Duration.ofHours(1)),
                now.minusMillis(1), null));
        inserted(sessionExpiringAt(user, now.plusMillis(1), null));
        inserted(session(user, now, now.plus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), null));

        assertThat(via.select(sessions(), SessionFilter.expired(now))).isEqualTo(ids(atNow, earlier, absoluteEnded));
    }

    @ParameterizedTest(name = "{displayName} via {0}")
    @EnumSource(Selection.class)
    @DisplayName("[required] SessionStore filter except: every session but that one (S10)")
    void exceptFilterSparesOneSession(Selection via) {
        UserId user = owner(stores);
        SessionRecord keep = inserted(session(user, millisNow(clock)));
        SessionRecord a = inserted(session(user, millisNow(clock)));
        SessionRecord b = inserted(session(null, millisNow(clock)));

        assertThat(via.select(sessions(), new SessionFilter(null, null, keep.session().id(), null))).isEqualTo(ids(a, b));
    }

    @ParameterizedTest(name = "{displayName} via {0}")
    @EnumSource(Selection.class)
    @DisplayName("[required] SessionStore filter deviceId: only sessions from that device (SEC-21)")
    void deviceIdFilterSelectsDeviceSessions(Selection via) {
        DeviceId device = IdGenerator.deviceId();
        UserId user = owner(stores);
        SessionRecord a = inserted(session(user, millisNow(clock), millisNow(clock).plusSeconds(60), millisNow(clock).plusSeconds(600), device));
        inserted(session(user, millisNow(clock), millisNow(clock).plusSeconds(60), millisNow(clock).plusSeconds(600), IdGenerator.deviceId()));
        inserted(session(user, millisNow(clock)));

        assertThat(via.select(sessions(), new SessionFilter(null, null, null, device))).isEqualTo(ids(a));
    }

    @ParameterizedTest(name = "{displayName} via {0}")
    @EnumSource(Selection.class)
    @DisplayName("[required] SessionStore filter combined: all set fields must match (user, expiredAt, except, device)")
    void combinedFilterNeedsEveryField(Selection via) {
        Instant now = millisNow(clock);
        UserId user = owner(stores);
        DeviceId device = IdGenerator.deviceId();
        SessionRecord match = inserted(sessionExpiringAt(user, now.minusSeconds(1), device));
        SessionRecord excepted = inserted(sessionExpiringAt(user, now.minusSeconds(2), device));
        inserted(sessionExpiringAt(user, now.plusSeconds(1), device));
        inserted(sessionExpiringAt(user, now.minusSeconds(1), IdGenerator.deviceId()));
        inserted(sessionExpiringAt(owner(stores), now.minusSeconds(1), device));
        inserted(sessionExpiringAt(user, now.minusSeconds(1), null));

        assertThat(via.select(sessions(), new SessionFilter(user, now, excepted.session().id(), device))).isEqualTo(ids(match));
    }

    @ParameterizedTest(name = "{displayName} via {0}")
    @EnumSource(Selection.class)
    @DisplayName("[required] SessionStore filter user and except: the user's other sessions only (S10 sign out everywhere else)")
    void userAndExceptFilter(Selection via) {
        UserId user = owner(stores);
        SessionRecord keep = inserted(session(user, millisNow(clock)));
        SessionRecord other = inserted(session(user, millisNow(clock)));
        inserted(session(owner(stores), millisNow(clock)));

        assertThat(via.select(sessions(), new SessionFilter(user, null, keep.session().id(), null))).isEqualTo(ids(other));
    }
}
