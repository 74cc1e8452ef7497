package dev.userkit.testkit.contracts;

import static dev.userkit.testkit.Fixtures.aUser;
import static dev.userkit.testkit.Fixtures.changed;
import static dev.userkit.testkit.Fixtures.millisNow;
import static dev.userkit.testkit.Fixtures.stored;
import static dev.userkit.testkit.Fixtures.user;
import static dev.userkit.testkit.Fixtures.userWithMetadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.domain.Email;
import dev.userkit.domain.JsonValues;
import dev.userkit.domain.Phone;
import dev.userkit.domain.Profile;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.domain.Username;
import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.UserQuery;
import dev.userkit.spi.UserRecord;
import dev.userkit.spi.UserStore;
import dev.userkit.testkit.Fixtures;
import dev.userkit.testkit.StoreFixture;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@link UserStore} contract for storing single users: insert, the lookups by id and unique
 * key, uniqueness, optimistic update and delete; one test per sentence of its javadoc. Listing
 * and paging are in {@link UserStoreQueryContract}.
 *
 * <p>If a test fails, check: every column of {@code User}, {@code Profile}, metadata and
 * both timestamps round-trips exactly (milliseconds, no time-zone shift, version 0 after insert);
 * keys are compared binary (a case- or accent-insensitive collation lets 'ALICE' find 'alice');
 * there is a unique index on the username key, the username skeleton, the email key and the phone
 * (null phones never clash), and every violation becomes {@code DuplicateKeyException} with
 * nothing written, never a raw driver exception; {@code update} is one conditional write on
 * {@code version = next.version - 1}, not a read followed by a write (the REL-2 and 16-updater
 * races fail when uniqueness or the version check lives in Java).
 */
public abstract class UserStoreContract extends StoreFixture {
    private UserStore users() {
        return stores.users();
    }

    private UserRecord inserted(String name) {
        return stored(users(), user(name, millisNow(clock)));
    }

    @Test
    @DisplayName("[required] UserStore findById: returns the inserted user with every field intact and version 0")
    void findByIdReturnsInsertedUser() {
        Instant at = millisNow(clock);
        Profile profile = Profile.builder().firstName("Märta").lastName("O'Brien").address("1 \"Quay\" St\\n")
                .additionalInfo("' OR 1=1 --").build();
        UserRecord r = Fixtures.record(aUser("märta", at).email(Email.of("Märta.O'Brien$x@Example.com"))
                .phone(Phone.of("+4915112345678")).profile(profile).metadata(Map.of("plan", "gold")).admin(true)
                .status(UserStatus.PENDING).updatedAt(at.plusMillis(1)).build());
        users().insert(r);

        assertThat(users().findById(r.user().id())).contains(r);
    }

    @Test
    @DisplayName("[required] UserStore find*: an unknown id, username key, email key or phone returns empty")
    void findUnknownReturnsEmpty() {
        inserted("alice");

        assertThat(users().findById(dev.userkit.domain.IdGenerator.userId())).isEmpty();
        assertThat(users().findByUsernameKey("bob")).isEmpty();
        assertThat(users().findByEmailKey("bob@example.com")).isEmpty();
        assertThat(users().findByPhone("+4915100000000")).isEmpty();
    }

    @Test
    @DisplayName("[required] UserStore findByUsernameKey: finds the user whose key equals it exactly")
    void findByUsernameKeyFindsExactKey() {
        UserRecord alice = inserted("alice");

        assertThat(users().findByUsernameKey("alice")).contains(alice);
    }

    /** If this fails, the key column's collation folds case, accents or trailing spaces: make it binary. */
    @Test
    @DisplayName("[required] UserStore findByUsernameKey: binary comparison, 'alice ', 'ALICE' and 'alicé' do not find 'alice' (SEC-23)")
    void findByUsernameKeyIsBinary() {
        inserted("alice");

        for (String near : List.of("alice ", " alice", "ALICE", "Alice", "alicé", "alic", "alice\u0000")) {
            assertThat(users().findByUsernameKey(near)).as("lookup of '%s'", near).isEmpty();
        }
    }

    @Test
    @DisplayName("[required] UserStore insert: case-sensitive keys 'Alice' and 'alice' are different keys and coexist (SEC-23)")
    void usernameKeysDifferingInCaseCoexist() {
        UserRecord upper = changed(Fixtures.userWith(Username.of("Alice", true), millisNow(clock)),
                u -> u.withEmail(Email.of("upper-alice@example.com"), u.updatedAt()));
        users().insert(upper);
        UserRecord lower = inserted("alice");

        assertThat(users().findByUsernameKey("Alice")).contains(upper);
        assertThat(users().findByUsernameKey("alice")).contains(lower);
    }

    @Test
    @DisplayName("[required] UserStore findByEmailKey: finds the user whose email key equals it exactly, nothing else")
    void findByEmailKeyIsExact() {
        UserRecord r = changed(user("carol", millisNow(clock)),
                u -> u.withEmail(Email.of("O'Brien$x.y+1@Example.com"), u.updatedAt()));
        users().insert(r);

        assertThat(users().findByEmailKey("o'brien$x.y+1@example.com")).contains(r);
        assertThat(users().findByEmailKey("O'Brien$x.y+1@Example.com")).isEmpty();
        assertThat(users().findByEmailKey("o'brien$x.y+1@example.com ")).isEmpty();
        assertThat(users().findByEmailKey("o'brien$x_y+1@example.com")).isEmpty();
    }

    @Test
    @DisplayName("[required] UserStore insert: a taken username skeleton (a look-alike name) throws DuplicateKeyException and stores nothing (SEC-23)")
    void insertDuplicateSkeletonThrows() {
        UserRecord first = inserted("admin");
        UserRecord lookAlike = user("adm\u0131n", millisNow(clock));

        assertThatThrownBy(() -> users().insert(lookAlike)).isInstanceOf(DuplicateKeyException.class);
        assertThat(users().findById(lookAlike.user().id())).isEmpty();
        assertThat(users().findByUsernameKey("admin")).contains(first);
    }

    @Test
    @DisplayName("[required] UserStore update: another user's skeleton throws DuplicateKeyException; a look-alike of one's own name is fine (SEC-23)")
    void updateToTakenSkeletonThrows() {
        inserted("admin");
        UserRecord scope = inserted("scope");
        Instant at = millisNow(clock);

        assertThatThrownBy(() -> users().update(scope.next(scope.user().withUsername(Username.of("adm\u0131n", false), at))))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(users().findById(scope.user().id())).contains(scope);
        UserRecord cyrillic = scope.next(scope.user().withUsername(Username.of("\u0455\u0441\u043E\u0440\u0435", false), at));
        assertThat(users().update(cyrillic)).isTrue();
        assertThat(users().findById(scope.user().id())).contains(cyrillic);
    }

    @Test
    @DisplayName("[required] UserStore insert: users without a skeleton (stored before skeletons existed) coexist and read back without one (SEC-23)")
    void usersWithoutSkeletonCoexist() {
        Instant at = millisNow(clock);
        UserRecord first = Fixtures.userWith(new Username("legacy1", "legacy1", null), at);
        UserRecord second = Fixtures.userWith(new Username("legacy2", "legacy2", null), at);
        users().insert(first);
        users().insert(second);

        assertThat(users().findById(first.user().id())).contains(first);
        assertThat(users().findById(second.user().id())).contains(second);
    }

    @Test
    @DisplayName("[required] UserStore findByPhone: finds the user with this E.164 phone")
    void findByPhoneFindsUser() {
        UserRecord r = changed(user("dave", millisNow(clock)), u -> u.withPhone(Phone.of("+4915112345678"), u.updatedAt()));
        users().insert(r);
        inserted("erin");

        assertThat(users().findByPhone("+4915112345678")).contains(r);
        assertThat(users().findByPhone("+491511234567")).isEmpty();
    }

    @Test
    @DisplayName("[required] UserStore insert: a taken username key throws DuplicateKeyException and stores nothing")
    void insertDuplicateUsernameThrows() {
        UserRecord first = inserted("alice");
        UserRecord second = changed(user("alice", millisNow(clock)), u -> u.withEmail(Email.of("other@example.com"), u.updatedAt()));

        assertThatThrownBy(() -> users().insert(second)).isInstanceOf(DuplicateKeyException.class);
        assertThat(users().findById(second.user().id())).isEmpty();
        assertThat(users().findByUsernameKey("alice")).contains(first);
        assertThat(users().findByEmailKey("other@example.com")).isEmpty();
    }

    @Test
    @DisplayName("[required] UserStore insert: a taken email key throws DuplicateKeyException and stores nothing")
    void insertDuplicateEmailThrows() {
        UserRecord first = inserted("alice");
        UserRecord second = changed(user("bob", millisNow(clock)), u -> u.withEmail(Email.of("ALICE@example.com"), u.updatedAt()));

        assertThatThrownBy(() -> users().insert(second)).isInstanceOf(DuplicateKeyException.class);
        assertThat(users().findById(second.user().id())).isEmpty();
        assertThat(users().findByUsernameKey("bob")).isEmpty();
        assertThat(users().findByEmailKey("alice@example.com")).contains(first);
    }

    @Test
    @DisplayName("[required] UserStore insert: a taken phone throws DuplicateKeyException and stores nothing")
    void insertDuplicatePhoneThrows() {
        Phone phone = Phone.of("+4915112345678");
        users().insert(changed(user("alice", millisNow(clock)), u -> u.withPhone(phone, u.updatedAt())));
        UserRecord second = changed(user("bob", millisNow(clock)), u -> u.withPhone(phone, u.updatedAt()));

        assertThatThrownBy(() -> users().insert(second)).isInstanceOf(DuplicateKeyException.class);
        assertThat(users().findById(second.user().id())).isEmpty();
    }

    @Test
    @DisplayName("[required] UserStore insert: null phones never clash")
    void nullPhonesNeverClash() {
        List<UserRecord> all = List.of(inserted("alice"), inserted("bob"), inserted("carol"));

        all.forEach(r -> assertThat(users().findById(r.user().id())).contains(r));
    }

    @Test
    @DisplayName("[required] UserStore update: replaces the user when the stored version is next.version - 1")
    void updateWithNextVersionReplaces() {
        UserRecord r = inserted("alice");
        Profile alice = Profile.builder().firstName("Alice").lastName("Liddell").build();
        UserRecord next = r.next(r.user().withProfile(alice, r.user().updatedAt().plusSeconds(1)));

        assertThat(users().update(next)).isTrue();
        assertThat(users().findById(r.user().id())).contains(next);
        assertThat(next.version()).isEqualTo(1);
    }

    @Test
    @DisplayName("[required] UserStore update: a stale or skipped version returns false and changes nothing")
    void updateWithWrongVersionChangesNothing() {
        UserRecord r = inserted("alice");
        UserRecord v1 = r.nextWithHash("$argon2id$new");
        assertThat(users().update(v1)).isTrue();

        UserRecord stale = r.next(r.user().withAdmin(true, r.user().updatedAt()));
        UserRecord skipped = new UserRecord(r.user().withAdmin(true, r.user().updatedAt()), "x", 3, 0);
        assertThat(users().update(stale)).isFalse();
        assertThat(users().update(skipped)).isFalse();
        assertThat(users().findById(r.user().id())).contains(v1);
    }

    @Test
    @DisplayName("[required] UserStore update: a user that is gone returns false and is not created")
    void updateOfMissingUserReturnsFalse() {
        UserRecord ghost = user("ghost", millisNow(clock));

        assertThat(users().update(ghost.nextWithHash("x"))).isFalse();
        assertThat(users().findById(ghost.user().id())).isEmpty();
        assertThat(users().findByUsernameKey("ghost")).isEmpty();
    }

    @Test
    @DisplayName("[required] UserStore update: a clash with another user's username, email or phone throws DuplicateKeyException and changes nothing")
    void updateClashThrows() {
        Phone phone = Phone.of("+4915112345678");
        UserRecord alice = changed(user("alice", millisNow(clock)), u -> u.withPhone(phone, u.updatedAt()));
        users().insert(alice);
        UserRecord bob = inserted("bob");
        Instant at = bob.user().updatedAt();
        List<User> clashes = List.of(bob.user().withUsername(alice.user().username(), at),
                bob.user().withEmail(alice.user().email(), at), bob.user().withPhone(phone, at));

        for (User clash : clashes) {
            assertThatThrownBy(() -> users().update(bob.next(clash))).isInstanceOf(DuplicateKeyException.class);
            assertThat(users().findById(bob.user().id())).contains(bob);
        }
        assertThat(users().findById(alice.user().id())).contains(alice);
    }

    @Test
    @DisplayName("[required] UserStore update: keys the user gives up are free and no longer find it")
    void updateReleasesOldKeys() {
        UserRecord alice = changed(user("alice", millisNow(clock)), u -> u.withPhone(Phone.of("+4915112345678"), u.updatedAt()));
        users().insert(alice);
        Instant at = alice.user().updatedAt();
        UserRecord renamed = alice.next(alice.user().withUsername(Username.of("alicia", false), at)
                .withEmail(Email.of("alicia@example.com"), at).withPhone(null, at));

        assertThat(users().update(renamed)).isTrue();
        assertThat(users().findByUsernameKey("alice")).isEmpty();
        assertThat(users().findByEmailKey("alice@example.com")).isEmpty();
        assertThat(users().findByPhone("+4915112345678")).isEmpty();
        assertThat(users().findByUsernameKey("alicia")).contains(renamed);
        UserRecord newcomer = changed(user("alice", millisNow(clock)), u -> u.withPhone(Phone.of("+4915112345678"), u.updatedAt()));
        users().insert(newcomer);
        assertThat(users().findByUsernameKey("alice")).contains(newcomer);
    }

    @Test
    @DisplayName("[required] UserStore delete: true if it existed, false the second time; every lookup then returns empty")
    void deleteIsIdempotent() {
        UserRecord alice = changed(user("alice", millisNow(clock)), u -> u.withPhone(Phone.of("+4915112345678"), u.updatedAt()));
        users().insert(alice);
        UserRecord bob = inserted("bob");

        assertThat(users().delete(alice.user().id())).isTrue();
        assertThat(users().delete(alice.user().id())).isFalse();
        assertThat(users().findById(alice.user().id())).isEmpty();
        assertThat(users().findByUsernameKey("alice")).isEmpty();
        assertThat(users().findByEmailKey("alice@example.com")).isEmpty();
        assertThat(users().findByPhone("+4915112345678")).isEmpty();
        assertThat(users().findById(bob.user().id())).contains(bob);
    }

    @Test
    @DisplayName("[required] UserStore delete: the deleted user's keys can be taken again")
    void deleteFreesKeys() {
        UserRecord alice = inserted("alice");
        users().delete(alice.user().id());
        UserRecord again = inserted("alice");

        assertThat(users().findByUsernameKey("alice")).contains(again);
    }

    @Test
    @DisplayName("[required] UserStore update/find: metadata JSON round-trips exactly (nested maps and lists, unicode, longs vs doubles)")
    void metadataRoundTripsExactly() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("maxLong", Long.MAX_VALUE);
        meta.put("minLong", Long.MIN_VALUE);
        meta.put("bigDouble", 1.0E20);
        meta.put("pi", Math.PI);
        meta.put("tiny", 4.9E-300);
        meta.put("zero", 0L);
        meta.put("flag", false);
        meta.put("nothing", null);
        meta.put("text", "Grüße 日本語 🎉 \"q\" \\ $ne a.b ' OR 1=1 --");
        meta.put("list", List.of(1L, "two", 3.5, true, List.of(), Map.of()));
        meta.put("nested", Map.of("deeper", Map.of("deepest", List.of(Map.of("k", "v")))));
        Map<String, Object> expected = JsonValues.object(meta);
        UserRecord r = stored(users(), userWithMetadata("json", millisNow(clock), meta));
        UserRecord next = r.next(r.user().withMetadata(expected, r.user().updatedAt()));

        assertThat(users().findById(r.user().id()).orElseThrow().user().metadata()).isEqualTo(expected);
        assertThat(users().update(next)).isTrue();
        Map<String, Object> back = users().findById(r.user().id()).orElseThrow().user().metadata();
        assertThat(back).isEqualTo(expected);
        assertThat(back.get("maxLong")).isInstanceOf(Long.class);
        assertThat(back.get("bigDouble")).isInstanceOf(Double.class);
    }

    /** If this fails, uniqueness is checked in Java before the insert: leave it to a unique index and map its violation. */
    @Test
    @DisplayName("REL-2 [required] UserStore insert: 50 threads inserting one username key, exactly 1 succeeds, 49 get DuplicateKeyException")
    void concurrentInsertsOfOneUsernameKey() {
        Instant at = millisNow(clock);
        List<Race.Outcome<UserId>> outcomes = Race.run(50, i -> {
            UserRecord r = changed(user("racer", at), u -> u.withEmail(Email.of("racer" + i + "@example.com"), at));
            users().insert(r);
            return r.user().id();
        });

        List<UserId> winners = Race.values(outcomes);
        assertThat(winners).hasSize(1);
        assertThat(Race.errors(outcomes)).hasSize(49).allMatch(e -> e instanceof DuplicateKeyException);
        assertThat(users().findByUsernameKey("racer").orElseThrow().user().id()).isEqualTo(winners.get(0));
        assertThat(users().list(UserQuery.firstPage(100))).hasSize(1);
    }

    /** If this fails, update reads the version and then writes: put the version check into the write's condition. */
    @Test
    @DisplayName("[required] UserStore update: 16 threads updating from one version, exactly one returns true")
    void concurrentUpdatesOfOneVersion() {
        UserRecord r = inserted("alice");
        List<Race.Outcome<Boolean>> outcomes = Race.run(16, i -> users().update(r.nextWithHash("$argon2id$racer" + i)));

        assertThat(Race.errors(outcomes)).isEmpty();
        assertThat(Race.values(outcomes)).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(users().findById(r.user().id()).orElseThrow().version()).isEqualTo(1);
    }
}
