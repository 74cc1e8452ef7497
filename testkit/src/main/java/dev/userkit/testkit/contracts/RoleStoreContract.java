package dev.userkit.testkit.contracts;

import static dev.userkit.testkit.Fixtures.owner;
import static dev.userkit.testkit.Fixtures.role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Role;
import dev.userkit.domain.UserId;
import dev.userkit.domain.Verb;
import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.RoleRecord;
import dev.userkit.spi.RoleStore;
import dev.userkit.testkit.StoreFixture;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@link RoleStore} contract: one test per sentence of its javadoc.
 *
 * <p>If a test fails, check: names are compared exactly (case-sensitive, binary collation)
 * and unique; {@code list} and {@code rolesOf} order by name in binary order; {@code update} is a
 * conditional write on the version; {@code delete} removes the role's grants too (a cascade or an
 * explicit delete); {@code grant} and {@code revoke} answer whether they changed anything (an
 * upsert that answers true for a grant already held fails the grant test); {@code usersWith}
 * orders by user id with an exclusive {@code after}.
 */
public abstract class RoleStoreContract extends StoreFixture {
    private RoleStore roles() {
        return stores.roles();
    }

    private RoleRecord inserted(String name) {
        RoleRecord r = role(name);
        roles().insert(r);
        return r;
    }

    private static RoleRecord renamed(RoleRecord r, String name) {
        Role role = r.role();
        return r.next(new Role(role.id(), name, role.description(), role.permissions()));
    }

    @Test
    @DisplayName("[required] RoleStore findById/findByName: return the inserted role with its permissions, version 0")
    void findReturnsInsertedRole() {
        Role role = new Role(IdGenerator.roleId(), "editor ' OR 1=1 -- $ne a.b \"q\" \\ Grüße",
                "edits \u65e5\u672c", List.of(new Permission("write", "/docs/**", EnumSet.of(Verb.PUT, Verb.PATCH, Verb.DELETE)),
                new Permission("read", "/docs/*", EnumSet.of(Verb.GET, Verb.HEAD))));
        RoleRecord r = new RoleRecord(role, 0);
        roles().insert(r);

        assertThat(roles().findById(role.id())).contains(r);
        assertThat(roles().findByName(role.name())).contains(r);
    }

    @Test
    @DisplayName("[required] RoleStore find*: an unknown id or name returns empty")
    void findUnknownReturnsEmpty() {
        inserted("editor");

        assertThat(roles().findById(IdGenerator.roleId())).isEmpty();
        assertThat(roles().findByName("viewer")).isEmpty();
        assertThat(roles().findByName("' OR 1=1 --")).isEmpty();
    }

    @Test
    @DisplayName("[required] RoleStore findByName: exactly this name, 'Editor', 'editor ' and 'EDITOR' do not find 'editor'")
    void findByNameIsExact() {
        inserted("editor");

        for (String near : List.of("Editor", "EDITOR", "editor ", " editor", "edito", "editor%")) {
            assertThat(roles().findByName(near)).as("lookup of '%s'", near).isEmpty();
        }
    }

    @Test
    @DisplayName("[required] RoleStore insert: a taken name throws DuplicateKeyException")
    void insertDuplicateNameThrows() {
        RoleRecord first = inserted("editor");
        RoleRecord clash = role("editor");

        assertThatThrownBy(() -> roles().insert(clash)).isInstanceOf(DuplicateKeyException.class);
        assertThat(roles().findById(clash.role().id())).isEmpty();
        assertThat(roles().findByName("editor")).contains(first);
    }

    @Test
    @DisplayName("[required] RoleStore insert: names are case-sensitive, 'Editor' and 'editor' coexist")
    void namesDifferingInCaseCoexist() {
        RoleRecord lower = inserted("editor");
        RoleRecord upper = inserted("Editor");

        assertThat(roles().findByName("editor")).contains(lower);
        assertThat(roles().findByName("Editor")).contains(upper);
    }

    @Test
    @DisplayName("[required] RoleStore list: all roles, ordered by name")
    void listIsOrderedByName() {
        for (String n : List.of("viewer", "admin", "editor", "auditor")) inserted(n);

        assertThat(roles().list()).extracting(r -> r.role().name()).containsExactly("admin", "auditor", "editor", "viewer");
    }

    @Test
    @DisplayName("[required] RoleStore update: replaces the role when the stored version is next.version - 1")
    void updateWithNextVersionReplaces() {
        RoleRecord r = inserted("editor");
        Role role = r.role();
        RoleRecord next = r.next(new Role(role.id(), role.name(), "changed",
                List.of(new Permission("all", "/**", EnumSet.allOf(Verb.class)))));

        assertThat(roles().update(next)).isTrue();
        assertThat(roles().findById(role.id())).contains(next);
    }

    @Test
    @DisplayName("[required] RoleStore update: a stale or skipped version, or a missing role, returns false and changes nothing")
    void updateWithWrongVersionChangesNothing() {
        RoleRecord r = inserted("editor");
        RoleRecord v1 = renamed(r, "editor-1");
        assertThat(roles().update(v1)).isTrue();

        assertThat(roles().update(renamed(r, "stale"))).isFalse();
        assertThat(roles().update(new RoleRecord(new Role(r.role().id(), "skipped", "", List.of()), 3))).isFalse();
        RoleRecord ghost = role("ghost");
        assertThat(roles().update(ghost.next(ghost.role()))).isFalse();
        assertThat(roles().findById(r.role().id())).contains(v1);
        assertThat(roles().findByName("ghost")).isEmpty();
    }

    @Test
    @DisplayName("[required] RoleStore update: a clash with another role's name throws DuplicateKeyException and changes nothing")
    void updateClashThrows() {
        inserted("admin");
        RoleRecord editor = inserted("editor");

        assertThatThrownBy(() -> roles().update(renamed(editor, "admin"))).isInstanceOf(DuplicateKeyException.class);
        assertThat(roles().findById(editor.role().id())).contains(editor);
    }

    @Test
    @DisplayName("[required] RoleStore update: a renamed role frees its old name")
    void updateFreesOldName() {
        RoleRecord editor = inserted("editor");
        RoleRecord renamed = renamed(editor, "writer");

        assertThat(roles().update(renamed)).isTrue();
        assertThat(roles().findByName("editor")).isEmpty();
        assertThat(roles().findByName("writer")).contains(renamed);
        RoleRecord again = inserted("editor");
        assertThat(roles().findByName("editor")).contains(again);
    }

    @Test
    @DisplayName("[required] RoleStore delete: deletes the role and every grant of it; true if it existed, false the second time")
    void deleteRemovesRoleAndGrants() {
        RoleRecord editor = inserted("editor");
        RoleRecord viewer = inserted("viewer");
        UserId user = owner(stores);
        roles().grant(user, editor.role().id());
        roles().grant(user, viewer.role().id());

        assertThat(roles().delete(editor.role().id())).isTrue();
        assertThat(roles().delete(editor.role().id())).isFalse();
        assertThat(roles().findByName("editor")).isEmpty();
        assertThat(roles().rolesOf(user)).containsExactly(viewer.role());
        assertThat(roles().usersWith(editor.role().id(), null, 10)).isEmpty();
    }

    @Test
    @DisplayName("[required] RoleStore grant: true if newly granted, false if already held")
    void grantIsIdempotent() {
        RoleRecord editor = inserted("editor");
        UserId user = owner(stores);

        assertThat(roles().grant(user, editor.role().id())).isTrue();
        assertThat(roles().grant(user, editor.role().id())).isFalse();
        assertThat(roles().rolesOf(user)).containsExactly(editor.role());
    }

    @Test
    @DisplayName("[required] RoleStore revoke: true if the role was held, false otherwise")
    void revokeReportsWhetherHeld() {
        RoleRecord editor = inserted("editor");
        UserId user = owner(stores);
        UserId other = owner(stores);
        roles().grant(user, editor.role().id());
        roles().grant(other, editor.role().id());

        assertThat(roles().revoke(user, editor.role().id())).isTrue();
        assertThat(roles().revoke(user, editor.role().id())).isFalse();
        assertThat(roles().rolesOf(user)).isEmpty();
        assertThat(roles().rolesOf(other)).containsExactly(editor.role());
    }

    @Test
    @DisplayName("[required] RoleStore rolesOf: the roles the user holds, ordered by name; none for a user without grants")
    void rolesOfIsOrderedByName() {
        UserId user = owner(stores);
        List<RoleRecord> made = List.of(inserted("viewer"), inserted("admin"), inserted("editor"));
        inserted("auditor");
        made.forEach(r -> roles().grant(user, r.role().id()));

        assertThat(roles().rolesOf(user)).extracting(Role::name).containsExactly("admin", "editor", "viewer");
        assertThat(roles().rolesOf(IdGenerator.userId())).isEmpty();
    }

    @Test
    @DisplayName("[required] RoleStore usersWith: holders in ascending id order, after 'after', at most 'limit'")
    void usersWithPagesInIdOrder() {
        RoleRecord editor = inserted("editor");
        RoleRecord viewer = inserted("viewer");
        List<UserId> holders = new ArrayList<>();
        for (int i = 0; i < 5; i++) holders.add(owner(stores));
        for (int i = holders.size() - 1; i >= 0; i--) roles().grant(holders.get(i), editor.role().id());
        roles().grant(owner(stores), viewer.role().id());
        List<UserId> sorted = holders.stream().sorted(Comparator.naturalOrder()).toList();

        List<UserId> first = roles().usersWith(editor.role().id(), null, 2);
        assertThat(first).containsExactlyElementsOf(sorted.subList(0, 2));
        assertThat(roles().usersWith(editor.role().id(), first.get(1), 10)).containsExactlyElementsOf(sorted.subList(2, 5));
    }

    @Test
    @DisplayName("[required] RoleStore revokeAll: revokes every role of the user and returns how many grants it removed (A10)")
    void revokeAllRemovesUsersGrants() {
        RoleRecord editor = inserted("editor");
        RoleRecord viewer = inserted("viewer");
        UserId user = owner(stores);
        UserId other = owner(stores);
        roles().grant(user, editor.role().id());
        roles().grant(user, viewer.role().id());
        roles().grant(other, viewer.role().id());

        assertThat(roles().revokeAll(user)).isEqualTo(2);
        assertThat(roles().revokeAll(user)).isZero();
        assertThat(roles().rolesOf(user)).isEmpty();
        assertThat(roles().rolesOf(other)).containsExactly(viewer.role());
    }
}
