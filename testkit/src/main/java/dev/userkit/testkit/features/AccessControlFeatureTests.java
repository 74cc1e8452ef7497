package dev.userkit.testkit.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.access.AccessControl;
import dev.userkit.access.Decision;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Role;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.domain.Verb;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Roles, permissions, grants and authorisation (R1-R4, SEC-20) through the real services on the supplied stores.
 *
 * <p>If a test fails while the port contracts pass, check the {@code RoleStore} and the
 * {@code SessionReads}: roles are read live at every {@code authorize} (a store may keep a role's
 * body only while the read names the version it was kept for), and a revoke removes the grant at once
 * (SEC-20). The malformed-name and malformed-pattern codes (701, 703, 704) come from core.
 */
public abstract class AccessControlFeatureTests extends LoginFixture {

    @Test
    @DisplayName("R1 [required] roles are created, read, renamed, described and deleted; names are unique")
    void roleLifecycle() {
        AccessControl ac = kit().access();
        Role editor = ac.createRole("editor", "Edits pages");
        assertThat(ac.findRole("editor")).contains(editor);
        ac.createRole("admin", "");
        assertThat(ac.listRoles()).extracting(Role::name).containsExactly("admin", "editor");
        expectCode(ErrorCode.ROLE_EXISTS, () -> ac.createRole("editor", "again"));
        assertThat(ac.renameRole("editor", "author").id()).isEqualTo(editor.id());
        assertThat(ac.findRole("editor")).isEmpty();
        expectCode(ErrorCode.ROLE_EXISTS, () -> ac.renameRole("author", "admin"));
        assertThat(ac.describeRole("author", "Writes pages").description()).isEqualTo("Writes pages");
        assertThat(ac.findRole("author").orElseThrow().description()).isEqualTo("Writes pages");
        ac.deleteRole("author");
        assertThat(ac.listRoles()).extracting(Role::name).containsExactly("admin");
        expectCode(ErrorCode.WRONG_ROLE_NAME, () -> ac.deleteRole("author"));
    }

    @Test
    @DisplayName("R1 [required] a malformed role name is 701")
    void badRoleName() {
        AccessControl ac = kit().access();
        for (String bad : new String[] {null, "", "has space", "a/b", "x".repeat(65), "$set"}) {
            expectCode(ErrorCode.WRONG_ROLE_NAME, () -> ac.createRole(bad, ""));
        }
        ac.createRole("ok", "");
        expectCode(ErrorCode.WRONG_ROLE_NAME, () -> ac.renameRole("ok", "not ok"));
        expectCode(ErrorCode.WRONG_ROLE_NAME, () -> ac.describeRole("missing", "x"));
    }

    @Test
    @DisplayName("R2 [required] permissions are added, updated and removed in place")
    void permissionLifecycle() {
        AccessControl ac = kit().access();
        ac.createRole("editor", "");
        ac.addPermission("editor", perm("read", "/pages/**", Verb.GET, Verb.HEAD));
        ac.addPermission("editor", perm("write", "/pages/*", Verb.PUT));
        Role r = ac.updatePermission("editor", "read", perm("read-all", "/**", Verb.GET));
        assertThat(r.permissions()).extracting(Permission::name).containsExactly("read-all", "write");
        // ids aside (R6 checks them): what each permission is
        assertThat(ac.findRole("editor").orElseThrow().permissions()).map(p -> p.withId(null)).containsExactly(
                perm("read-all", "/**", Verb.GET), perm("write", "/pages/*", Verb.PUT));
        ac.removePermission("editor", "write");
        assertThat(ac.findRole("editor").orElseThrow().permissions()).extracting(Permission::name).containsExactly("read-all");
        expectCode(ErrorCode.INVALID_PATTERN, () -> ac.removePermission("editor", "write"));
        expectCode(ErrorCode.WRONG_ROLE_NAME, () -> ac.addPermission("nope", perm("x", "/x", Verb.GET)));
    }

    @Test
    @DisplayName("R2 [required] a malformed pattern, name or verb list is 703")
    void badPattern() {
        AccessControl ac = kit().access();
        ac.createRole("r", "");
        for (String bad : new String[] {"", "api", "/api//x", "/api/../x", "/api/./x", "/a**", "/a/**b", "/a b", "/a%2fb", "/a\\b", "/a?x"}) {
            expectCode(ErrorCode.INVALID_PATTERN, () -> ac.addPermission("r", perm("p", bad, Verb.GET)));
        }
        expectCode(ErrorCode.INVALID_PATTERN, () -> ac.addPermission("r", new Permission("p", "/x", Set.of())));
        expectCode(ErrorCode.INVALID_PATTERN, () -> ac.addPermission("r", perm("has space", "/x", Verb.GET)));
        expectCode(ErrorCode.INVALID_PATTERN, () -> Verb.parse("TRACE"));
        assertThat(ac.findRole("r").orElseThrow().permissions()).isEmpty();
    }

    @Test
    @DisplayName("R2 [required] a refused verb or pattern says what is wrong, still with 703")
    void badPatternSaysWhy() {
        AccessControl ac = kit().access();
        ac.createRole("r", "");
        assertThatThrownBy(() -> Verb.parse("PROPFIND")).isInstanceOfSatisfying(UserKitException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PATTERN);
            assertThat(e.getMessage()).contains("PROPFIND").contains("GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS");
        });
        assertThatThrownBy(() -> ac.addPermission("r", perm("p", "/api/{id}", Verb.GET))).isInstanceOfSatisfying(UserKitException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PATTERN);
            assertThat(e.getMessage()).contains("'{'").contains("/api/*");
        });
        assertThatThrownBy(() -> ac.addPermission("r", perm("p", "/api/", Verb.GET)))
                .isInstanceOfSatisfying(UserKitException.class, e -> assertThat(e.getMessage()).contains("empty segment"));
        assertThatThrownBy(() -> ac.addPermission("r", new Permission("p", "/x", Set.of())))
                .isInstanceOfSatisfying(UserKitException.class, e -> assertThat(e.getMessage()).contains("at least one verb"));
    }

    @Test
    @DisplayName("R2 [required] a duplicate pattern or name in one role is 704")
    void duplicatePattern() {
        AccessControl ac = kit().access();
        ac.createRole("r", "");
        ac.addPermission("r", perm("a", "/a/**", Verb.GET));
        ac.addPermission("r", perm("b", "/b/**", Verb.GET));
        expectCode(ErrorCode.PATTERN_EXISTS, () -> ac.addPermission("r", perm("c", "/a/**", Verb.POST)));
        expectCode(ErrorCode.PATTERN_EXISTS, () -> ac.addPermission("r", perm("a", "/c/**", Verb.POST)));
        expectCode(ErrorCode.PATTERN_EXISTS, () -> ac.updatePermission("r", "b", perm("b", "/a/**", Verb.GET)));
        ac.updatePermission("r", "b", perm("b", "/b/*", Verb.GET));
        ac.createRole("other", "");
        ac.addPermission("other", perm("a", "/a/**", Verb.GET));
    }

    @Test
    @DisplayName("R2 [required] patterns are Ant-style: * within one segment, ** across any number")
    void antPatterns() {
        UserKit kit = kit();
        AccessControl ac = kit.access();
        String t = aliceWithRole(kit, "r", perm("one", "/api/*", Verb.GET), perm("deep", "/files/**/raw", Verb.GET),
                perm("ext", "/img/*.png", Verb.GET));
        Map<String, Decision> expected = Map.of(
                "/api/a", Decision.ALLOWED, "/api/a/b", Decision.FORBIDDEN, "/api", Decision.FORBIDDEN,
                "/files/raw", Decision.ALLOWED, "/files/x/y/z/raw", Decision.ALLOWED, "/files/x/raw/y", Decision.FORBIDDEN,
                "/img/cat.png", Decision.ALLOWED, "/img/cat.gif", Decision.FORBIDDEN, "/img/a/cat.png", Decision.FORBIDDEN);
        expected.forEach((path, d) -> assertThat(ac.authorize(t, Verb.GET, path)).as(path).isEqualTo(d));
    }

    @Test
    @DisplayName("R3 [required] roles are granted and revoked; a user's roles and a role's users are listed")
    void grants() {
        User alice = alice();
        User bob = user("bob", UserStatus.ACTIVE, false);
        AccessControl ac = kit().access();
        ac.createRole("editor", "");
        ac.createRole("viewer", "");
        assertThat(ac.grant(alice.id(), "viewer")).isTrue();
        assertThat(ac.grant(alice.id(), "viewer")).isFalse();
        ac.grant(alice.id(), "editor");
        ac.grant(bob.id(), "editor");
        assertThat(ac.rolesOf(alice.id())).extracting(Role::name).containsExactly("editor", "viewer");
        UserId first = alice.id().compareTo(bob.id()) < 0 ? alice.id() : bob.id();
        UserId second = first.equals(alice.id()) ? bob.id() : alice.id();
        assertThat(ac.usersWith("editor", null, 10)).containsExactly(first, second);
        assertThat(ac.usersWith("editor", first, 10)).containsExactly(second);
        assertThat(ac.revoke(alice.id(), "editor")).isTrue();
        assertThat(ac.revoke(alice.id(), "editor")).isFalse();
        assertThat(ac.rolesOf(alice.id())).extracting(Role::name).containsExactly("viewer");
        expectCode(ErrorCode.WRONG_ROLE_NAME, () -> ac.grant(alice.id(), "nope"));
        expectCode(ErrorCode.USER_NOT_FOUND, () -> ac.grant(new UserId(UUID.randomUUID()), "viewer"));
        ac.deleteRole("viewer");
        assertThat(ac.rolesOf(alice.id())).isEmpty();
    }

    @Test
    @DisplayName("R4 [required] no token, an unknown or expired token and an anonymous session are UNAUTHENTICATED")
    void unauthenticated() {
        alice();
        UserKit kit = kit();
        AccessControl ac = kit.access();
        String token = kit.sessions().login("alice", PASSWORD, CLIENT).token();
        String anon = kit.sessions().startAnonymous(Map.of()).token();
        assertThat(ac.authorize(null, Verb.GET, "/")).isEqualTo(Decision.UNAUTHENTICATED);
        assertThat(ac.authorize("", Verb.GET, "/")).isEqualTo(Decision.UNAUTHENTICATED);
        assertThat(ac.authorize("made-up-token-0123456789abcdefghijklmnopq", Verb.GET, "/")).isEqualTo(Decision.UNAUTHENTICATED);
        assertThat(ac.authorize(anon, Verb.GET, "/")).isEqualTo(Decision.UNAUTHENTICATED);
        assertThat(ac.authorize(token, Verb.GET, "/")).isEqualTo(Decision.FORBIDDEN);
        clock.advance(Duration.ofDays(2));
        assertThat(ac.authorize(token, Verb.GET, "/")).isEqualTo(Decision.UNAUTHENTICATED);
    }

    @Test
    @DisplayName("R4 [required] deny by default; only a matching verb on a matching pattern allows")
    void denyByDefault() {
        User alice = alice();
        UserKit kit = kit();
        AccessControl ac = kit.access();
        String t = kit.sessions().login("alice", PASSWORD, CLIENT).token();
        assertThat(ac.authorize(t, Verb.GET, "/docs/1")).isEqualTo(Decision.FORBIDDEN);
        ac.createRole("reader", "");
        ac.grant(alice.id(), "reader");
        assertThat(ac.authorize(t, Verb.GET, "/docs/1")).isEqualTo(Decision.FORBIDDEN);
        ac.addPermission("reader", perm("docs", "/docs/*", Verb.GET));
        assertThat(ac.authorize(t, Verb.GET, "/docs/1")).isEqualTo(Decision.ALLOWED);
        assertThat(ac.authorize(t, Verb.DELETE, "/docs/1")).isEqualTo(Decision.FORBIDDEN);
        assertThat(ac.authorize(t, Verb.HEAD, "/docs/1")).isEqualTo(Decision.FORBIDDEN);
        assertThat(ac.authorize(t, null, "/docs/1")).isEqualTo(Decision.FORBIDDEN);
    }

    @Test
    @DisplayName("R4 [required] a path that is not canonical is FORBIDDEN even under /**")
    void nonCanonicalForbidden() {
        UserKit kit = kit();
        AccessControl ac = kit.access();
        String t = aliceWithRole(kit, "all", perm("all", "/**", Verb.GET));
        assertThat(ac.authorize(t, Verb.GET, "/public/page")).isEqualTo(Decision.ALLOWED);
        assertThat(ac.authorize(t, Verb.GET, "/")).isEqualTo(Decision.ALLOWED);
        for (String bad : new String[] {"/public/../admin", "/public/./x", "//admin", "/a//b", "/a%2fb", "/a%2Fb", "/a%5cb",
                "/a\\b", "admin", "", null, "/a/..", "/a;x=1/b", "/a%2e%2e/b", "/a//", "/a;jsessionid=0123/b", "/a%3bx",
                "/%2e%2e/admin", "/a%252fb", "/a%00b", "/a%0d%0ab", "/a%C3", "/a%E2%80%AEb", "/a#f", "/a b"}) {
            assertThat(ac.authorize(t, Verb.GET, bad)).as(String.valueOf(bad)).isEqualTo(Decision.FORBIDDEN);
        }
    }

    @Test
    @DisplayName("R4 [required] a legitimate path is authorised by its canonical form: escapes decoded, one trailing '/', the query ignored")
    void canonicalFormAuthorised() {
        UserKit kit = kit();
        AccessControl ac = kit.access();
        String all = aliceWithRole(kit, "all", perm("all", "/**", Verb.values()));
        for (String path : new String[] {"/files/caf%C3%A9", "/files/café", "/files/my%20doc", "/api/orders/", "/search?q=x"}) {
            for (Verb verb : Verb.values()) {
                assertThat(ac.authorize(all, verb, path)).as("%s %s", verb, path).isEqualTo(Decision.ALLOWED);
            }
        }
        ac.createRole("files", "");
        ac.addPermission("files", perm("cafe", "/files/café", Verb.GET));
        ac.addPermission("files", perm("orders", "/api/orders", Verb.GET));
        ac.addPermission("files", perm("search", "/search", Verb.GET));
        ac.grant(user("bob", UserStatus.ACTIVE, false).id(), "files");
        String t = kit.sessions().login("bob", PASSWORD, CLIENT).token();
        for (String path : new String[] {"/files/caf%C3%A9", "/files/caf%c3%a9", "/files/café", "/api/orders/", "/api/orders", "/search?q=x"}) {
            assertThat(ac.authorize(t, Verb.GET, path)).as(path).isEqualTo(Decision.ALLOWED);
        }
        for (String path : new String[] {"/files/cafe%CC%81", "/files/caf", "/api/orders//", "/search/x", "/files/caf%C3%A9%20"}) {
            assertThat(ac.authorize(t, Verb.GET, path)).as(path).isEqualTo(Decision.FORBIDDEN);
        }
        assertThat(AccessControl.canonicalPath("/files/my%20doc")).contains("/files/my doc");
        assertThat(AccessControl.canonicalPath("/a/%2e%2e/b")).isEmpty();
    }

    @Test
    @DisplayName("R4 [required] the admin flag grants nothing by itself")
    void adminFlagGrantsNothing() {
        user("root", UserStatus.ACTIVE, true);
        UserKit kit = kit();
        String t = kit.sessions().login("root", PASSWORD, CLIENT).token();
        assertThat(kit.access().authorize(t, Verb.GET, "/admin")).isEqualTo(Decision.FORBIDDEN);
    }

    @Test
    @DisplayName("R4 S9 [required] authorizeRoles allows by the named roles' permissions as the catalog holds them now; an unknown name grants nothing")
    void authorizeRolesReadsTheCatalog() {
        AccessControl ac = kit().access();
        ac.createRole("reader", "");
        ac.addPermission("reader", perm("docs", "/docs/*", Verb.GET));
        ac.createRole("writer", "");
        assertThat(ac.authorizeRoles(Set.of("reader"), Verb.GET, "/docs/1")).isEqualTo(Decision.ALLOWED);
        assertThat(ac.authorizeRoles(Set.of("reader"), Verb.PUT, "/docs/1")).isEqualTo(Decision.FORBIDDEN);
        assertThat(ac.authorizeRoles(Set.of("writer"), Verb.PUT, "/docs/1")).isEqualTo(Decision.FORBIDDEN);
        ac.addPermission("writer", perm("edit", "/docs/*", Verb.PUT));
        assertThat(ac.authorizeRoles(Set.of("reader", "writer"), Verb.PUT, "/docs/1")).isEqualTo(Decision.ALLOWED);
        assertThat(ac.authorizeRoles(Set.of("reader"), Verb.GET, "/docs/../admin")).isEqualTo(Decision.FORBIDDEN);
        assertThat(ac.authorizeRoles(Set.of("reader"), null, "/docs/1")).isEqualTo(Decision.FORBIDDEN);
        assertThat(ac.authorizeRoles(Set.of("no-such-role", "$where"), Verb.GET, "/docs/1")).isEqualTo(Decision.FORBIDDEN);
        assertThat(ac.authorizeRoles(Set.of(), Verb.GET, "/docs/1")).isEqualTo(Decision.FORBIDDEN);
        ac.renameRole("reader", "viewer");
        assertThat(ac.authorizeRoles(Set.of("reader"), Verb.GET, "/docs/1")).isEqualTo(Decision.FORBIDDEN);
        ac.removePermission("writer", "edit");
        assertThat(ac.authorizeRoles(Set.of("writer"), Verb.PUT, "/docs/1")).isEqualTo(Decision.FORBIDDEN);
    }

    @Test
    @DisplayName("SEC-20 [required] a revoked role is gone at the next check, even for a live session")
    void revokeIsLive() {
        UserKit kit = kit();
        AccessControl ac = kit.access();
        String t = aliceWithRole(kit, "all", perm("all", "/**", Verb.GET, Verb.POST));
        UserId alice = kit.sessions().validate(t).user().orElseThrow().id();
        assertThat(ac.authorize(t, Verb.POST, "/x")).isEqualTo(Decision.ALLOWED);
        ac.revoke(alice, "all");
        assertThat(ac.authorize(t, Verb.POST, "/x")).isEqualTo(Decision.FORBIDDEN);
        ac.grant(alice, "all");
        ac.removePermission("all", "all");
        assertThat(ac.authorize(t, Verb.POST, "/x")).isEqualTo(Decision.FORBIDDEN);
    }

    /** If this fails while {@link #revokeIsLive} passes, the store keeps what one kit read for a token or a role where another kit's writes do not reach it. */
    @Test
    @DisplayName("SEC-20 R4 [required] a role change made through one kit is seen by another kit's next check over the same stores")
    void roleChangeThroughAnotherKitIsLive() {
        UserKit a = kit();
        UserKit b = kit();
        String t = aliceWithRole(a, "editor", perm("read", "/docs/*", Verb.GET));
        UserId alice = b.sessions().validate(t).user().orElseThrow().id();
        assertThat(b.access().authorize(t, Verb.GET, "/docs/1")).isEqualTo(Decision.ALLOWED);

        a.access().updatePermission("editor", "read", perm("read", "/docs/*", Verb.HEAD));
        assertThat(b.access().authorize(t, Verb.GET, "/docs/1")).isEqualTo(Decision.FORBIDDEN);
        assertThat(b.access().authorize(t, Verb.HEAD, "/docs/1")).isEqualTo(Decision.ALLOWED);

        a.access().revoke(alice, "editor");
        assertThat(b.access().authorize(t, Verb.HEAD, "/docs/1")).isEqualTo(Decision.FORBIDDEN);
        a.access().grant(alice, "editor");
        assertThat(b.access().authorize(t, Verb.HEAD, "/docs/1")).isEqualTo(Decision.ALLOWED);

        a.access().deleteRole("editor");
        assertThat(b.access().authorize(t, Verb.HEAD, "/docs/1")).isEqualTo(Decision.FORBIDDEN);
    }
}
