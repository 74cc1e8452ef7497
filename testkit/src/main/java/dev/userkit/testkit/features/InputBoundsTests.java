package dev.userkit.testkit.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.accounts.Accounts;
import dev.userkit.accounts.NewUser;
import dev.userkit.domain.Limits;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Profile;
import dev.userkit.domain.Role;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.Verb;
import dev.userkit.sessions.LoginResult;
import dev.userkit.spi.SessionFilter;
import dev.userkit.testkit.TestUsers;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SEC-29 for text and JSON: every cap in {@link Limits} and every character rule of
 * {@link dev.userkit.domain.TextRules} answers the same typed code on every store, before any
 * store call, and a refused call leaves the stores as they were. Numbers are in {@link NumericModelTests}.
 *
 * <p>If one of these fails on a store while the in-memory store passes, check that the store keeps
 * text exactly (no replacement of characters, no column shorter than the caps).
 */
public abstract class InputBoundsTests extends IdentityFixture {
    /** A character of 4 UTF-8 bytes and 2 UTF-16 units: the worst case for every cap. */
    private static final String WIDE = "😀";
    /** Characters no single-line field may hold; the first three no text at all. */
    private static final List<String> NOT_IN_A_LINE = List.of("\u0000", "\uD800", "\uDC00x", "\uFFFF", "\n", "\r", "\t",
            "\u0007", "\u202E", "\u2066", "\u200B", "\uFEFF", "\u2028");

    private static String wide(int codePoints) {
        return WIDE.repeat(codePoints);
    }

    /** Asserts that the call fails with {@code code} and that no user, session, role or device changed. */
    private void refused(ErrorCode code, ThrowingCallable call) {
        StoreSnapshot before = StoreSnapshot.of(stores);
        assertCode(code, call);
        assertThat(StoreSnapshot.of(stores)).as("stores after a refused call").isEqualTo(before);
    }

    private UserId registered(Accounts accounts) {
        return accounts.register(user("ann"), null).userId();
    }

    private static Map<String, Object> field(String name, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(name, value);
        return m;
    }

    @Test
    @DisplayName("SEC-29 [required] a 70,000-character first name is refused with 1010 before any store call, at register and updateProfile")
    void hugeFirstName() {
        Accounts accounts = kit().accounts();
        UserId id = registered(accounts);
        String huge = "a".repeat(70_000);

        refused(ErrorCode.INVALID_ARGUMENT, () -> accounts.register(NewUser.builder("bob", "bob@example.org").password(PASSWORD)
                .profile(Profile.builder().firstName(huge).build()).build(), null));
        refused(ErrorCode.INVALID_ARGUMENT, () -> accounts.updateProfile(id, Profile.builder().firstName(huge).build()));
        assertThat(accounts.find("bob")).isEmpty();
    }

    @Test
    @DisplayName("SEC-29 [required] each profile field is kept exactly at its cap of 4-byte characters and refused with 1010 one past it")
    void profileCaps() {
        Accounts accounts = kit().accounts();
        UserId id = registered(accounts);
        Profile atCaps = Profile.builder().firstName(wide(Limits.NAME)).lastName(wide(Limits.NAME))
                .address(wide(Limits.ADDRESS)).additionalInfo(wide(Limits.ADDITIONAL_INFO)).build();
        accounts.updateProfile(id, atCaps);
        assertThat(stores.users().findById(id).orElseThrow().user().profile()).isEqualTo(atCaps);

        refused(ErrorCode.INVALID_ARGUMENT, () -> Profile.builder().firstName(wide(Limits.NAME + 1)).build());
        refused(ErrorCode.INVALID_ARGUMENT, () -> Profile.builder().lastName(wide(Limits.NAME + 1)).build());
        refused(ErrorCode.INVALID_ARGUMENT, () -> Profile.builder().address(wide(Limits.ADDRESS + 1)).build());
        refused(ErrorCode.INVALID_ARGUMENT, () -> Profile.builder().additionalInfo(wide(Limits.ADDITIONAL_INFO + 1)).build());
    }

    @Test
    @DisplayName("SEC-29 [required] names refuse NUL, unpaired surrogates, controls, line breaks and format characters with 1010; free text keeps tabs and line breaks")
    void profileCharacters() {
        Accounts accounts = kit().accounts();
        UserId id = registered(accounts);
        for (String bad : NOT_IN_A_LINE) {
            refused(ErrorCode.INVALID_ARGUMENT, () -> accounts.updateProfile(id, Profile.builder().firstName("Ann" + bad).build()));
            refused(ErrorCode.INVALID_ARGUMENT, () -> accounts.updateProfile(id, Profile.builder().lastName(bad + "Lee").build()));
        }
        for (String bad : List.of("\u0000", "\uD800", "x\uDC00", "\uFFFE", "\u0007", "\u202E", "\u200B")) {
            refused(ErrorCode.INVALID_ARGUMENT, () -> accounts.updateProfile(id, Profile.builder().address("Main St" + bad).build()));
            refused(ErrorCode.INVALID_ARGUMENT, () -> accounts.updateProfile(id, Profile.builder().additionalInfo(bad).build()));
        }

        // ZWNJ (Persian), ZWJ (emoji sequences) and supplementary characters belong in names
        Profile kept = Profile.builder().firstName("مهر\u200Cناز").lastName("👩\u200D💻 𝒜")
                .address("1 Main St\r\nFlat 2\tleft").additionalInfo("line one\nline two").build();
        accounts.updateProfile(id, kept);
        assertThat(stores.users().findById(id).orElseThrow().user().profile()).isEqualTo(kept);
    }

    @Test
    @DisplayName("SEC-29 [required] metadata over 65,536 bytes as JSON is refused with 1009 at register, replaceMetadata and setMetadataField; at the cap it is kept")
    void metadataBytes() {
        Accounts accounts = kit().accounts();
        UserId id = registered(accounts);
        // {"blob":"..."}: 2 braces + 8 for the key, quotes, colon and separator + 2 quotes around the value
        String atCap = "x".repeat(Limits.JSON_BYTES - 12 - 2 * 3) + WIDE + "é";
        accounts.replaceMetadata(id, Map.of("blob", atCap));
        assertThat(stores.users().findById(id).orElseThrow().user().metadata()).isEqualTo(Map.of("blob", atCap));

        String over = atCap + "x";
        refused(ErrorCode.INVALID_METADATA, () -> accounts.replaceMetadata(id, Map.of("blob", over)));
        refused(ErrorCode.INVALID_METADATA, () -> accounts.setMetadataField(id, "blob", over));
        refused(ErrorCode.INVALID_METADATA, () -> accounts.register(NewUser.builder("bob", "bob@example.org").password(PASSWORD)
                .metadata(Map.of("blob", "y".repeat(10_000_000))).build(), null));
        // each field is small, but together they pass the cap: the merged object is refused
        accounts.replaceMetadata(id, Map.of("a", "x".repeat(40_000)));
        refused(ErrorCode.INVALID_METADATA, () -> accounts.setMetadataField(id, "b", "x".repeat(40_000)));
    }

    @Test
    @DisplayName("SEC-29 [required] metadata with more than 1,000 keys or deeper than 16 levels is refused with 1009; at the caps it is kept")
    void metadataKeysAndDepth() {
        Accounts accounts = kit().accounts();
        UserId id = registered(accounts);
        Map<String, Object> keys = new LinkedHashMap<>();
        for (long i = 1; i < Limits.JSON_KEYS; i++) keys.put("k" + i, i);
        accounts.replaceMetadata(id, Map.of("inner", keys));
        assertThat(stores.users().findById(id).orElseThrow().user().metadata()).isEqualTo(Map.of("inner", keys));
        keys.put("one-more", 0);
        refused(ErrorCode.INVALID_METADATA, () -> accounts.replaceMetadata(id, Map.of("inner", keys)));

        accounts.replaceMetadata(id, nested(Limits.JSON_DEPTH));
        assertThat(stores.users().findById(id).orElseThrow().user().metadata()).isEqualTo(nested(Limits.JSON_DEPTH));
        refused(ErrorCode.INVALID_METADATA, () -> accounts.replaceMetadata(id, nested(Limits.JSON_DEPTH + 1)));
        refused(ErrorCode.INVALID_METADATA, () -> accounts.setMetadataField(id, "d", nested(Limits.JSON_DEPTH)));
    }

    /** An object {@code levels} deep, the top one included: objects and lists alternate. */
    private static Map<String, Object> nested(int levels) {
        Object v = "leaf";
        for (int level = levels; level > 1; level--) v = level % 2 == 0 ? List.of(v) : Map.of("d", v);
        return Map.of("d", v);
    }

    @Test
    @DisplayName("SEC-29 [required] NUL or an unpaired surrogate in a metadata value or key at any depth is refused with 1009; other controls are kept exactly")
    void metadataCharacters() {
        Accounts accounts = kit().accounts();
        UserId id = registered(accounts);
        for (String bad : List.of("\u0000", "a\u0000b", "\uD800", "x\uDC00", "\uFFFF")) {
            refused(ErrorCode.INVALID_METADATA, () -> accounts.setMetadataField(id, "k", bad));
            refused(ErrorCode.INVALID_METADATA, () -> accounts.replaceMetadata(id, Map.of("a", List.of(Map.of("b", List.of("ok", bad))))));
            refused(ErrorCode.INVALID_METADATA, () -> accounts.replaceMetadata(id, Map.of("a", Map.of("k" + bad, 1))));
        }
        Map<String, Object> kept = Map.of("k", "bell\u0007 tab\t nl\n rlo\u202E zwsp\u200B " + WIDE);
        accounts.replaceMetadata(id, kept);
        assertThat(stores.users().findById(id).orElseThrow().user().metadata()).isEqualTo(kept);
    }

    @Test
    @DisplayName("SEC-29 [required] a metadata filter string over 1,024 characters or holding NUL or an unpaired surrogate is refused with 1009")
    void filterValues() {
        Accounts accounts = kit().accounts();
        UserId id = registered(accounts);
        String atCap = wide(Limits.FILTER_STRING);
        accounts.setMetadataField(id, "k", atCap);
        assertThat(accounts.listByMetadata("k", atCap, null, 10)).extracting(User::id).containsExactly(id);

        for (String bad : List.of(atCap + "x", "y".repeat(10_000_000), "a\u0000", "\uD800", "\uDFFFz")) {
            refused(ErrorCode.INVALID_METADATA, () -> accounts.listByMetadata("k", bad, null, 10));
        }
        refused(ErrorCode.INVALID_METADATA, () -> accounts.listByMetadata("k\u0000", "v", null, 10));
    }

    @Test
    @DisplayName("SEC-29 [required] session data holding NUL is refused with 1009 at login before the password is checked, and no session is stored")
    void sessionDataAtLogin() {
        UserKit kit = kit();
        TestUsers.insertActive(stores, TestUsers.productionHasher(), "dora", "dora@example.org", PASSWORD);
        Map<String, Object> bad = Map.of("cart", List.of("a\u0000"));

        refused(ErrorCode.INVALID_METADATA, () -> kit.sessions().login("dora", PASSWORD, null, bad));
        // a wrong password gets the same answer: the data is refused before the password is looked at
        refused(ErrorCode.INVALID_METADATA, () -> kit.sessions().login("dora", "wrong password, long enough", null, bad));
        refused(ErrorCode.INVALID_METADATA, () -> kit.sessions().startAnonymous(Map.of("k", "\uDBFF")));
        refused(ErrorCode.INVALID_METADATA, () -> kit.sessions().login("dora", PASSWORD, null, Map.of("k", "x".repeat(70_000))));
        assertThat(stores.sessions().list(SessionFilter.all(), null, 10)).isEmpty();
    }

    @Test
    @DisplayName("SEC-29 [required] a null value in login session data is kept as JSON null, as startAnonymous keeps it, never a NullPointerException")
    void nullInLoginSessionData() {
        UserKit kit = kit();
        TestUsers.insertActive(stores, TestUsers.productionHasher(), "dora", "dora@example.org", PASSWORD);
        String anonymous = kit.sessions().startAnonymous(field("before", null)).token();

        LoginResult r = kit.sessions().loginFromAnonymous(anonymous, "dora", PASSWORD, null, field("k", null));

        Map<String, Object> expected = new LinkedHashMap<>(field("before", null));
        expected.put("k", null);
        assertThat(stores.sessions().findById(r.session().id()).orElseThrow().session().data()).isEqualTo(expected);
    }

    @Test
    @DisplayName("SEC-29 [required] a permission with a null or over-long name or pattern, or a null verb, is 703 and the role is unchanged")
    void permissionArguments() {
        UserKit kit = kit();
        kit.access().createRole("editor", "");
        Set<Verb> withNull = new HashSet<>(Arrays.asList(Verb.GET, null));
        refused(ErrorCode.INVALID_PATTERN, () -> kit.access().addPermission("editor", new Permission(null, "/a", Set.of(Verb.GET))));
        refused(ErrorCode.INVALID_PATTERN, () -> kit.access().addPermission("editor", new Permission("p", null, Set.of(Verb.GET))));
        refused(ErrorCode.INVALID_PATTERN, () -> kit.access().addPermission("editor", new Permission("p", "/a", withNull)));
        refused(ErrorCode.INVALID_PATTERN, () -> new Permission("p".repeat(Limits.PERMISSION_NAME + 1), "/a", Set.of(Verb.GET)));
        refused(ErrorCode.INVALID_PATTERN, () -> new Permission("p", "/" + "a".repeat(Limits.PATH), Set.of(Verb.GET)));
        refused(ErrorCode.INVALID_PATTERN, () -> new Permission("p", "/a\u0000", Set.of(Verb.GET)));
        assertThat(kit.access().findRole("editor").orElseThrow().permissions()).isEmpty();
    }

    @Test
    @DisplayName("SEC-29 [required] a role description over 1,000 characters or with NUL, an unpaired surrogate or a bidi override is 1010; role names are 701")
    void roleTexts() {
        UserKit kit = kit();
        String atCap = wide(Limits.ROLE_DESCRIPTION - 1) + "\n";
        Role created = kit.access().createRole("editor", atCap);
        assertThat(kit.access().findRole("editor").orElseThrow()).isEqualTo(created);
        for (String bad : List.of(wide(Limits.ROLE_DESCRIPTION + 1), "a\u0000", "\uD800", "rtl\u202E", "\u0007")) {
            refused(ErrorCode.INVALID_ARGUMENT, () -> kit.access().createRole("writer", bad));
            refused(ErrorCode.INVALID_ARGUMENT, () -> kit.access().describeRole("editor", bad));
        }
        for (String bad : List.of("a\u0000", "r".repeat(Limits.ROLE_NAME + 1), "\uD800")) {
            refused(ErrorCode.WRONG_ROLE_NAME, () -> kit.access().createRole(bad, ""));
            refused(ErrorCode.WRONG_ROLE_NAME, () -> kit.access().renameRole("editor", bad));
        }
        assertThat(kit.access().findRole("r".repeat(10_000_000))).isEmpty();
    }

    @Test
    @DisplayName("SEC-29 [required] a client address or user agent over its cap or holding NUL or a line break is refused with 1010")
    void clientContext() {
        assertThat(new ClientContext("a".repeat(Limits.CLIENT_ADDRESS), null, wide(Limits.USER_AGENT)).userAgent()).hasSize(2 * Limits.USER_AGENT);
        for (String bad : List.of("1.2.3.4\u0000", "1.2.3.4\r\nX-Forwarded-For: 10.0.0.1", "\uD800", "a".repeat(Limits.CLIENT_ADDRESS + 1))) {
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> ClientContext.fromAddress(bad));
        }
        for (String bad : List.of("Mozilla\u0000", "agent\nforged", "\uDC00", wide(Limits.USER_AGENT + 1))) {
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> new ClientContext(null, null, bad));
        }
    }

    @Test
    @DisplayName("SEC-29 [required] an imported hash holding NUL or non-ASCII text or over 1,024 characters is 1011 and adds nothing")
    void importedHashText() {
        Accounts accounts = kit().accounts();
        String tail = "$" + "A".repeat(43) + "=";
        for (String bad : List.of("pbkdf2_sha256$260000$sa\u0000lt" + tail, "pbkdf2_sha256$260000$sält" + tail,
                "pbkdf2_sha256$260000$" + "s".repeat(Limits.PASSWORD_HASH) + tail)) {
            refused(ErrorCode.UNSUPPORTED_HASH, () -> accounts.importUser(user("legacy"), bad, null));
        }
    }

    @Test
    @DisplayName("SEC-29 [required] a new password with NUL or an unpaired surrogate is refused with 1010, since UTF-8 would turn the surrogate into '?'")
    void passwordCharacters() {
        Accounts accounts = kit().accounts();
        for (String bad : List.of(PASSWORD + "\uD800", PASSWORD + "\u0000")) {
            refused(ErrorCode.INVALID_ARGUMENT, () -> accounts.register(NewUser.builder("bob", "bob@example.org").password(bad).build(), null));
        }
    }
}
