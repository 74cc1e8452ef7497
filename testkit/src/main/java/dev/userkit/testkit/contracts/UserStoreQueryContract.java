package dev.userkit.testkit.contracts;

import static dev.userkit.testkit.Fixtures.changed;
import static dev.userkit.testkit.Fixtures.millisNow;
import static dev.userkit.testkit.Fixtures.stored;
import static dev.userkit.testkit.Fixtures.user;
import static dev.userkit.testkit.Fixtures.userWithMetadata;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.spi.UserQuery;
import dev.userkit.spi.UserRecord;
import dev.userkit.spi.UserStore;
import dev.userkit.testkit.Fixtures;
import dev.userkit.testkit.StoreFixture;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@link UserStore} contract for reading many users: {@code list} with its id order, paging
 * and metadata filter (including values that look like query syntax, SEC-22), and
 * {@code findPendingCreatedBefore}; one test per sentence of its javadoc. Single-user storage is
 * in {@link UserStoreContract}.
 *
 * <p>If a test fails, check: {@code list} orders by id in the order {@code UserId} compares
 * (ids stored as text or bytes must sort the same), and {@code after} is exclusive; the metadata
 * filter compares one top-level field by type and value (the string "1" never matches the number
 * 1, nested objects and lists never match a scalar), with the value bound as a parameter and never
 * spliced into query text (SEC-22); numbers read back as the {@code Long} or {@code Double} the
 * model normalised them to; {@code findPendingCreatedBefore} is strict ({@code <}), ascending and
 * limited.
 */
public abstract class UserStoreQueryContract extends StoreFixture {
    /** The four scalar kinds a metadata filter accepts, each with a value no other kind equals. */
    enum Scalar {
        STRING("gold"), LONG(7L), DOUBLE(2.5), BOOLEAN(true);

        final Object value;

        Scalar(Object value) {
            this.value = value;
        }
    }

    private UserStore users() {
        return stores.users();
    }

    private UserRecord inserted(String name) {
        return stored(users(), user(name, millisNow(clock)));
    }

    private UserRecord insertedWithMetadata(String name, Map<String, ?> metadata) {
        return stored(users(), userWithMetadata(name, millisNow(clock), metadata));
    }

    /** A one-field metadata object; unlike {@code Map.of} it takes a null value. */
    private static Map<String, Object> field(String name, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(name, value);
        return m;
    }

    private List<UserId> ids(UserQuery q) {
        return users().list(q).stream().map(r -> r.user().id()).toList();
    }

    @Test
    @DisplayName("[required] UserStore list: users in ascending id order, whatever the insertion order")
    void listIsInIdOrder() {
        List<UserRecord> made = new ArrayList<>();
        for (String n : List.of("u1", "u2", "u3", "u4", "u5")) made.add(user(n, millisNow(clock)));
        List<UserRecord> shuffled = new ArrayList<>(made);
        Collections.reverse(shuffled);
        Collections.swap(shuffled, 1, 3);
        shuffled.forEach(users()::insert);

        assertThat(ids(UserQuery.firstPage(10))).containsExactlyElementsOf(sortedIds(made));
    }

    @Test
    @DisplayName("[required] UserStore list: pages by 'after' and 'limit' cover every user once, in order")
    void listPagesThroughAll() {
        List<UserRecord> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) made.add(inserted("user" + i));
        List<UserId> seen = new ArrayList<>();
        UserId after = null;
        List<UserId> page;
        do {
            page = ids(new UserQuery(after, 3, null, null));
            assertThat(page.size()).isLessThanOrEqualTo(3);
            seen.addAll(page);
            after = page.isEmpty() ? after : page.get(page.size() - 1);
        } while (page.size() == 3);

        assertThat(seen).containsExactlyElementsOf(sortedIds(made));
    }

    @ParameterizedTest(name = "{displayName}: {0}")
    @EnumSource(Scalar.class)
    @DisplayName("[required] UserStore list: metadata filter matches a top-level field equal to the scalar, same type only")
    void metadataFilterMatchesScalarOfSameType(Scalar kind) {
        Map<Scalar, UserRecord> byKind = new LinkedHashMap<>();
        for (Scalar s : Scalar.values()) byKind.put(s, insertedWithMetadata("u-" + s.name().toLowerCase(), field("plan", s.value)));
        insertedWithMetadata("text-seven", field("plan", "7"));
        insertedWithMetadata("text-true", field("plan", "true"));
        insertedWithMetadata("text-decimal", field("plan", "2.5"));
        insertedWithMetadata("other-field", field("tier", kind.value));
        inserted("no-metadata");

        assertThat(ids(new UserQuery(null, 100, "plan", kind.value))).containsExactly(byKind.get(kind).user().id());
    }

    /**
     * Distinct normalised numbers that stores are apt to confuse: longs past 2^53, whole doubles
     * past the long range, the smallest and largest doubles.
     */
    private static final List<Object> NUMBERS = List.of(0L, -1L, 9_007_199_254_740_992L, 9_007_199_254_740_993L,
            10_000_000_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE, 0.1, -2.5, 1.5E-5, 1.0E20, -1.0E20, 0x1p63,
            Double.MIN_VALUE, Double.MAX_VALUE);

    @Test
    @DisplayName("[required] UserStore insert/findById: numbers read back as the Long or Double the model normalised them to (SEC-29)")
    void numbersReadBackInTheirNormalForm() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("wholeDouble", 1.0E16);
        raw.put("decimal", new BigDecimal("3.00"));
        raw.put("tiny", new BigDecimal("1e-400"));
        raw.put("list", new ArrayList<>(NUMBERS));
        UserRecord r = insertedWithMetadata("numbers", raw);

        Map<String, Object> read = users().findById(r.user().id()).orElseThrow().user().metadata();
        assertThat(read).isEqualTo(Map.of("wholeDouble", 10_000_000_000_000_000L, "decimal", 3L, "tiny", 0L, "list", NUMBERS));
        assertThat((List<?>) read.get("list")).extracting(Object::getClass).containsExactlyElementsOf(
                NUMBERS.stream().map(Object::getClass).toList());
    }

    @Test
    @DisplayName("[required] UserStore list: a numeric filter matches exactly the users holding the same normalised number, whatever its Java form (SEC-29)")
    void numericFilterMatchesTheSameNumberOnly() {
        Map<Object, UserId> holders = new LinkedHashMap<>();
        int i = 0;
        for (Object n : NUMBERS) holders.put(n, insertedWithMetadata("num" + i++, field("n", n)).user().id());
        insertedWithMetadata("text", field("n", "10000000000000000"));

        holders.forEach((n, id) -> {
            assertThat(ids(new UserQuery(null, 100, "n", n))).as("filter %s", n).containsExactly(id);
            if (n instanceof Long l && new BigDecimal(l.doubleValue()).compareTo(BigDecimal.valueOf(l)) == 0) {
                // the same number as a double normalises to the Long, so it finds the same user
                assertThat(ids(new UserQuery(null, 100, "n", l.doubleValue()))).as("filter %s as a double", n).containsExactly(id);
            }
        });
        assertThat(ids(new UserQuery(null, 100, "n", 1.0E16))).containsExactly(holders.get(10_000_000_000_000_000L));
    }

    @Test
    @DisplayName("[required] UserStore list: nested values (objects, lists) never match a scalar filter")
    void metadataFilterNeverMatchesNestedValues() {
        insertedWithMetadata("nested-object", field("plan", Map.of("plan", "gold")));
        insertedWithMetadata("nested-list", field("plan", List.of("gold")));
        insertedWithMetadata("nested-deep", field("meta", field("plan", "gold")));
        UserRecord top = insertedWithMetadata("top", field("plan", "gold"));

        assertThat(ids(new UserQuery(null, 100, "plan", "gold"))).containsExactly(top.user().id());
    }

    @Test
    @DisplayName("[required] UserStore list: a filter value that looks like an operator or SQL is only a string (SEC-22)")
    void metadataFilterTreatsOperatorLookalikeAsString() {
        Map<String, UserId> byValue = new LinkedHashMap<>();
        int i = 0;
        for (String s : Fixtures.EXOTIC_STRINGS) byValue.put(s, insertedWithMetadata("exotic" + i++, field("plan", s)).user().id());
        inserted("plain");
        insertedWithMetadata("nulled", field("plan", null));

        byValue.forEach((value, id) ->
                assertThat(ids(new UserQuery(null, 100, "plan", value))).as("filter by %s", value).containsExactly(id));
    }

    @Test
    @DisplayName("[required] UserStore list: the metadata filter combines with paging")
    void metadataFilterCombinesWithPaging() {
        List<UserRecord> gold = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            gold.add(insertedWithMetadata("gold" + i, field("plan", "gold")));
            insertedWithMetadata("free" + i, field("plan", "free"));
        }
        List<UserId> expected = sortedIds(gold);

        List<UserId> first = ids(new UserQuery(null, 2, "plan", "gold"));
        List<UserId> second = ids(new UserQuery(first.get(1), 2, "plan", "gold"));
        assertThat(first).containsExactlyElementsOf(expected.subList(0, 2));
        assertThat(second).containsExactlyElementsOf(expected.subList(2, 4));
    }

    @Test
    @DisplayName("[required] UserStore findPendingCreatedBefore: PENDING users created strictly before the cutoff, ascending, at most limit")
    void findPendingCreatedBefore() {
        Instant cutoff = millisNow(clock);
        Function<Duration, UserRecord> pendingAt = ago -> {
            Instant at = cutoff.minus(ago);
            UserRecord r = changed(user("p" + ago.toMillis(), at), u -> u.withStatus(UserStatus.PENDING, at));
            users().insert(r);
            return r;
        };
        UserRecord old1 = pendingAt.apply(Duration.ofDays(3));
        UserRecord old2 = pendingAt.apply(Duration.ofDays(2));
        UserRecord old3 = pendingAt.apply(Duration.ofMillis(1));
        pendingAt.apply(Duration.ZERO);
        users().insert(changed(user("active", cutoff.minus(Duration.ofDays(5))), u -> u));

        assertThat(users().findPendingCreatedBefore(cutoff, 10))
                .containsExactlyElementsOf(sortedIds(List.of(old1, old2, old3)));
        assertThat(users().findPendingCreatedBefore(cutoff, 2)).hasSize(2);
    }

    private static List<UserId> sortedIds(List<UserRecord> records) {
        return records.stream().map(rec -> rec.user().id()).sorted(Comparator.naturalOrder()).toList();
    }
}
