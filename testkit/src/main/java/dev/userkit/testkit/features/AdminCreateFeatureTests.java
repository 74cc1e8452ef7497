package dev.userkit.testkit.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.accounts.NewUser;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.Role;
import dev.userkit.domain.User;
import dev.userkit.domain.UserStatus;
import dev.userkit.hooks.UserKitEvent;
import dev.userkit.spi.RoleRecord;
import dev.userkit.spi.UnitOfWork;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An administrator's creation of an account that is active at once (A2, {@code Accounts.adminCreate}),
 * as the admin CLI's {@code users create --active} uses it, through the real service on the
 * supplied stores.
 *
 * <p>If a test fails while the port contracts pass, check the {@code UserStore}'s unique indexes
 * (a clash must be {@code DuplicateKeyException}, so that 602 is answered and nothing is kept) and
 * that the role grant joins the unit of work the insert runs in.
 */
public abstract class AdminCreateFeatureTests extends IdentityFixture {
    private final AtomicInteger units = new AtomicInteger();

    /** The services with a default role, over stores whose unit of work counts its runs. */
    private UserKit countingKit() {
        UnitOfWork inner = stores.unitOfWork();
        UnitOfWork counting = new UnitOfWork() {
            @Override
            public <T> T run(Supplier<T> work) {
                units.incrementAndGet();
                return inner.run(work);
            }
        };
        return kitBuilder(config().defaultRole("member").build()).stores(stores.withUnitOfWork(counting)).listener(events::add).build();
    }

    private RoleRecord addMemberRole() {
        RoleRecord r = new RoleRecord(new Role(IdGenerator.roleId(), "member", "", List.of()), 0);
        stores.roles().insert(r);
        return r;
    }

    @Test
    @DisplayName("A2 [required] adminCreate stores the user ACTIVE with the default role in one unit of work; no code, no mail queued, USER_REGISTERED by=admin")
    void adminCreateIsOneWriteWithoutMail() {
        RoleRecord member = addMemberRole();
        UserKit kit = countingKit();
        int backlog = kit.outbox().backlog();

        User created = kit.accounts().adminCreate(NewUser.builder("hana", "hana@example.org").password(PASSWORD).build());

        assertThat(units).as("units of work run").hasValue(1);
        assertThat(created.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(kit.accounts().findById(created.id())).map(User::status).contains(UserStatus.ACTIVE);
        assertThat(stores.roles().rolesOf(created.id())).extracting(Role::id).containsExactly(member.role().id());
        assertThat(passwordIs(created.id(), PASSWORD)).isTrue();
        assertThat(kit.outbox().backlog()).as("the outbox backlog").isEqualTo(backlog);
        assertThat(mailSent()).isEmpty();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(UserKitEvent.Type.USER_REGISTERED);
            assertThat(e.details()).isEqualTo(Map.of("by", "admin"));
        });
        assertThat(kit.sessions().login("hana", PASSWORD, null).token()).isNotBlank();
    }

    @Test
    @DisplayName("A2 [required] adminCreate with a taken username or email is 602, with a weak password 1001, with no user 1010, and writes nothing")
    void adminCreateRefusalsWriteNothing() {
        addMemberRole();
        UserKit kit = countingKit();
        User hana = kit.accounts().adminCreate(NewUser.builder("hana", "hana@example.org").password(PASSWORD).build());
        events.clear();
        int backlog = kit.outbox().backlog();

        assertCode(ErrorCode.USER_EXISTS, () -> kit.accounts().adminCreate(NewUser.builder("HANA", "other@example.org").password(PASSWORD).build()));
        assertCode(ErrorCode.USER_EXISTS, () -> kit.accounts().adminCreate(NewUser.builder("ivo", "Hana@Example.org").password(PASSWORD).build()));
        assertCode(ErrorCode.PASSWORD_TOO_SHORT, () -> kit.accounts().adminCreate(NewUser.builder("ivo", "ivo@example.org").password("short").build()));
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> kit.accounts().adminCreate(null));

        assertThat(kit.accounts().list(null, 10)).extracting(User::id).containsExactly(hana.id());
        assertThat(kit.outbox().backlog()).isEqualTo(backlog);
        assertThat(events).isEmpty();
    }
}
