package dev.userkit.testkit.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.accounts.BootstrapResult;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Role;
import dev.userkit.domain.UserStatus;
import dev.userkit.domain.Verb;
import dev.userkit.domain.User;
import java.util.EnumSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R5: the root user and the full-access role.
 *
 * <p>If a test fails, check that {@code RoleStore.findByName} finds the role the first run
 * inserted (a second bootstrap must find it, not insert it again) and that {@code grant} of a held
 * role answers false.
 */
public abstract class BootstrapFeatureTests extends IdentityFixture {

    @Test
    @DisplayName("R5 [required] bootstrap creates an ACTIVE admin root with a full-access role and returns a generated password")
    void createsRoot() {
        UserKit kit = kit();
        BootstrapResult r = kit.bootstrap().ensureRoot("root", "root@example.org", null);
        assertThat(r.created()).isTrue();
        User root = kit.accounts().findById(r.rootId()).orElseThrow();
        assertThat(root.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(root.admin()).isTrue();
        assertThat(passwordIs(r.rootId(), r.password())).isTrue();
        Role admin = stores.roles().findByName("admin").orElseThrow().role();
        assertThat(admin.id()).isEqualTo(r.adminRoleId());
        assertThat(admin.permissions()).singleElement().satisfies(p -> {
            assertThat(p.pattern()).isEqualTo("/**");
            assertThat(p.verbs()).isEqualTo(EnumSet.allOf(Verb.class));
        });
        assertThat(stores.roles().rolesOf(r.rootId())).extracting(Role::name).containsExactly("admin");
    }

    @Test
    @DisplayName("R5 [required] bootstrap is idempotent and returns the given password")
    void idempotent() {
        UserKit kit = kit();
        BootstrapResult first = kit.bootstrap().ensureRoot("root", "root@example.org", PASSWORD);
        assertThat(first.password()).isEqualTo(PASSWORD);
        BootstrapResult second = kit.bootstrap().ensureRoot("root", "root@example.org", null);
        assertThat(second.created()).isFalse();
        assertThat(second.rootId()).isEqualTo(first.rootId());
        assertThat(second.adminRoleId()).isEqualTo(first.adminRoleId());
        assertThat(second.password()).isNull();
        assertThat(stores.roles().list()).hasSize(1);
        assertThat(kit.accounts().list(null, 10)).hasSize(1);
        assertThat(passwordIs(first.rootId(), PASSWORD)).isTrue();
    }

    @Test
    @DisplayName("R5 [required] an existing admin role is reused and a weak given password is refused")
    void existingRoleAndWeakPassword() {
        UserKit kit = kit();
        assertCode(ErrorCode.PASSWORD_TOO_SHORT, () -> kit.bootstrap().ensureRoot("root", "root@example.org", "short"));
        assertThat(kit.accounts().find("root")).isEmpty();
        Role role = stores.roles().findByName("admin").orElseThrow().role();
        assertThat(kit.bootstrap().ensureRoot("root", "root@example.org", null).adminRoleId()).isEqualTo(role.id());
        assertThat(role.permissions()).extracting(Permission::name).containsExactly("full-access");
    }
}
