package dev.userkit.testkit.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.access.Decision;
import dev.userkit.access.Verdict;
import dev.userkit.accounts.BootstrapResult;
import dev.userkit.accounts.RootOptions;
import dev.userkit.domain.Device;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Role;
import dev.userkit.domain.Verb;
import dev.userkit.sessions.LoginResult;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R6: bootstrap with a permitted root device and without full access, permissions with a stable
 * id, and verdicts that carry their code.
 *
 * <p>If a test fails while the port contracts pass, check that {@code RoleStore} keeps each
 * permission's {@code id} exactly as given (it is part of the stored permissions), and
 * {@code DeviceStore.find} by user and token hash.
 */
public abstract class BootstrapVariantTests extends LoginFixture {
    private static final String ROOT_DEVICE = "root-device-token-0123456789abcdefXYZ";
    private static final String OTHER_DEVICE = "other-device-token-0123456789abcdefXYZ";
    private static final String ROOT_PASSWORD = "amber lantern over quiet harbour";

    @Test
    @DisplayName("R6 [required] bootstrap with a device under device control permits the root's device: the root logs in from it at once, from no other")
    void rootDevice() {
        UserKit kit = deviceControlled();
        BootstrapResult r = kit.bootstrap().ensureRoot("root", "root@example.org", ROOT_PASSWORD, RootOptions.fullAccess().withDevice(ROOT_DEVICE));
        assertThat(kit.devices().listPermitted(r.rootId())).singleElement().extracting(Device::userId).isEqualTo(r.rootId());
        LoginResult login = kit.sessions().login("root", ROOT_PASSWORD, fromDevice(ROOT_DEVICE));
        assertThat(kit.access().check(login.token(), Verb.DELETE, "/anything").allowed()).isTrue();
        expectCode(ErrorCode.DEVICE_DENIED, () -> kit.sessions().login("root", ROOT_PASSWORD, fromDevice(OTHER_DEVICE)));
    }

    @Test
    @DisplayName("R6 [required] bootstrap for the API only gives the admin role basePath/** with every verb: allowed under /um, 609 elsewhere")
    void apiOnly() {
        UserKit kit = kit();
        BootstrapResult r = kit.bootstrap().ensureRoot("root", "root@example.org", ROOT_PASSWORD, RootOptions.apiOnly("/um"));
        Role admin = kit.access().findRole("admin").orElseThrow();
        assertThat(admin.id()).isEqualTo(r.adminRoleId());
        assertThat(admin.permissions()).singleElement().satisfies(p -> {
            assertThat(p.pattern()).isEqualTo("/um/**");
            assertThat(p.verbs()).containsExactlyInAnyOrder(Verb.values());
        });
        String token = kit.sessions().login("root", ROOT_PASSWORD, CLIENT).token();
        assertThat(kit.access().check(token, Verb.PUT, "/um/roles/editor").allowed()).isTrue();
        assertThat(kit.access().check(token, Verb.GET, "/api/orders")).isEqualTo(new Verdict(Decision.FORBIDDEN, ErrorCode.ACCESS_DENIED));
        expectCode(ErrorCode.INVALID_ARGUMENT, () -> RootOptions.apiOnly("/um/../x"));
        expectCode(ErrorCode.INVALID_ARGUMENT, () -> RootOptions.apiOnly("um"));
    }

    @Test
    @DisplayName("R6 [required] initialize answers the password the first time only; then 602 and nothing changes: password, devices, grants")
    void initializeOnce() {
        UserKit kit = deviceControlled();
        BootstrapResult first = kit.bootstrap().initialize("root", "root@example.org", null, RootOptions.apiOnly("/um").withDevice(ROOT_DEVICE));
        assertThat(first.created()).isTrue();
        assertThat(first.password()).isNotBlank();
        expectCode(ErrorCode.USER_EXISTS, () -> kit.bootstrap().initialize("root", "root@example.org", "a brand new password here",
                RootOptions.fullAccess().withDevice(OTHER_DEVICE)));
        assertThat(kit.devices().list(first.rootId())).hasSize(1);
        assertThat(kit.access().findRole("admin").orElseThrow().permissions()).extracting(Permission::pattern).containsExactly("/um/**");
        assertThat(kit.sessions().login("root", first.password(), fromDevice(ROOT_DEVICE)).token()).isNotBlank();
    }

    @Test
    @DisplayName("R6 [required] initialize under device control needs a device token (805) and writes nothing without one")
    void initializeNeedsDevice() {
        UserKit kit = deviceControlled();
        expectCode(ErrorCode.INVALID_DEVICE_TOKEN, () -> kit.bootstrap().initialize("root", "root@example.org", ROOT_PASSWORD, RootOptions.fullAccess()));
        expectCode(ErrorCode.INVALID_DEVICE_TOKEN, () -> kit.bootstrap().initialize("root", "root@example.org", ROOT_PASSWORD, RootOptions.fullAccess().withDevice("short")));
        assertThat(kit.accounts().find("root")).isEmpty();
        assertThat(kit.access().listRoles()).isEmpty();
    }

    @Test
    @DisplayName("R6 [required] a permission keeps its stable id through a rename and every read; update and remove by id; an unknown id is 703")
    void stableIds() {
        UserKit kit = kit();
        kit.access().createRole("editor", "");
        Role added = kit.access().addPermission("editor", new Permission("read", "/docs/**", Set.of(Verb.GET)));
        String id = added.permissions().get(0).id();
        assertThat(id).matches(Permission.ID.pattern());
        kit.access().addPermission("editor", new Permission("write", "/docs/*", Set.of(Verb.PUT)));

        Role renamed = kit.access().updatePermissionById("editor", id, new Permission("read-all", "/docs/**", Set.of(Verb.GET, Verb.HEAD)));
        assertThat(renamed.permissions().get(0)).isEqualTo(new Permission(id, "read-all", "/docs/**", Set.of(Verb.GET, Verb.HEAD)));
        assertThat(kit.access().findRole("editor").orElseThrow().permissions()).extracting(Permission::id)
                .containsExactly(id, renamed.permissions().get(1).id()).doesNotHaveDuplicates();
        kit.access().updatePermission("editor", "read-all", new Permission("reader", "/docs/**", Set.of(Verb.GET)));
        assertThat(kit.access().findRole("editor").orElseThrow().permissions().get(0).id()).isEqualTo(id);

        expectCode(ErrorCode.INVALID_PATTERN, () -> kit.access().updatePermissionById("editor", "no-such-id", new Permission("x", "/x", Set.of(Verb.GET))));
        expectCode(ErrorCode.INVALID_PATTERN, () -> kit.access().removePermissionById("editor", "no-such-id"));
        Role removed = kit.access().removePermissionById("editor", id);
        assertThat(removed.permissions()).extracting(Permission::name).containsExactly("write");
        assertThat(kit.access().findRole("editor").orElseThrow().permissions()).extracting(Permission::name).containsExactly("write");
    }

    @Test
    @DisplayName("R6 [required] a permission given to a role without an id gets the id derived from the role's id and its name, the same at every read")
    void legacyIds() {
        Role role = new Role(dev.userkit.domain.IdGenerator.roleId(), "legacy", "", List.of(new Permission("old", "/old/**", Set.of(Verb.GET))));
        stores.roles().insert(new dev.userkit.spi.RoleRecord(role, 0));
        String expected = Permission.legacyId(role.id(), "old");
        assertThat(role.permissions().get(0).id()).isEqualTo(expected);
        assertThat(stores.roles().findByName("legacy").orElseThrow().role().permissions()).extracting(Permission::id).containsExactly(expected);
        assertThat(kit().access().findRole("legacy").orElseThrow().permissions().get(0).id()).isEqualTo(expected);
    }

    @Test
    @DisplayName("R6 [required] verdicts carry their code: 606 no token, 607 unknown token, 609 no permission, 806 another device's token")
    void verdictCodes() {
        UserKit kit = deviceControlled();
        kit.bootstrap().ensureRoot("root", "root@example.org", ROOT_PASSWORD, RootOptions.apiOnly("/um").withDevice(ROOT_DEVICE));
        assertThat(kit.access().check(null, Verb.GET, "/um/roles").code()).isEqualTo(ErrorCode.TOKEN_MISSING);
        assertThat(kit.access().check("no-such-token-0123456789abcdefghijk", Verb.GET, "/um/roles").code()).isEqualTo(ErrorCode.TOKEN_INVALID);
        String token = kit.sessions().login("root", ROOT_PASSWORD, fromDevice(ROOT_DEVICE)).token();
        var validation = kit.sessions().validate(token);
        assertThat(kit.access().checkSession(validation, ROOT_DEVICE, Verb.GET, "/um/roles")).isEqualTo(Verdict.ALLOWED);
        assertThat(kit.access().checkSession(validation, ROOT_DEVICE, Verb.GET, "/api")).isEqualTo(new Verdict(Decision.FORBIDDEN, ErrorCode.ACCESS_DENIED));
        assertThat(kit.access().checkSession(validation, OTHER_DEVICE, Verb.GET, "/um/roles")).isEqualTo(new Verdict(Decision.FORBIDDEN, ErrorCode.DEVICE_DENIED));
        assertThat(kit.access().checkSession(null, ROOT_DEVICE, Verb.GET, "/um/roles").decision()).isEqualTo(Decision.UNAUTHENTICATED);
        expectCode(ErrorCode.DEVICE_DENIED, () -> kit.access().checkSession(validation, null, Verb.GET, "/um/roles").orThrow());
    }
}
