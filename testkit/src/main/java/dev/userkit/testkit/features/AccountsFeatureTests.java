package dev.userkit.testkit.features;

import dev.userkit.spi.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.accounts.Accounts;
import dev.userkit.accounts.NewUser;
import dev.userkit.accounts.Registration;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.Profile;
import dev.userkit.domain.Role;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.hooks.UserKitEvent;
import dev.userkit.spi.MailMessage;
import dev.userkit.spi.RoleRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Accounts features A1-A16 through the real service on the supplied stores.
 *
 * <p>If a test fails while the port contracts pass, check the {@code UserStore}: a duplicate
 * answers 601 or 602 only when the store raised {@code DuplicateKeyException}; A5 needs the
 * id order and the metadata filter of the query contract; verification codes go through the
 * {@code CodeStore}.
 */
public abstract class AccountsFeatureTests extends IdentityFixture {

    private RoleRecord addRole(String name) {
        RoleRecord r = new RoleRecord(new Role(IdGenerator.roleId(), name, "", List.of()), 0);
        stores.roles().insert(r);
        return r;
    }

    @Test
    @DisplayName("A1 [required] register with every optional field gives an id and stores them all")
    void registerWithEverything() {
        Accounts accounts = kit().accounts();
        NewUser u = NewUser.builder("Carla", "Carla@Example.org").password(PASSWORD).phone("+49 151 1234 5678")
                .profile(Profile.builder().firstName("Carla").lastName("Diaz").address("1 Main St").additionalInfo("vip").build())
                .metadata(Map.of("plan", "pro", "seats", 3))
                .admin(true).build();
        UserId id = accounts.register(u, ClientContext.NONE).userId();
        User stored = accounts.findById(id).orElseThrow();
        assertThat(stored.username().value()).isEqualTo("Carla");
        assertThat(stored.email().value()).isEqualTo("Carla@Example.org");
        assertThat(stored.phone().value()).isEqualTo("+4915112345678");
        assertThat(stored.profile().lastName()).isEqualTo("Diaz");
        assertThat(stored.metadata()).isEqualTo(Map.of("plan", "pro", "seats", 3L));
        assertThat(stored.admin()).isTrue();
        assertThat(passwordIs(id, PASSWORD)).isTrue();
    }

    @Test
    @DisplayName("A1 [required] a taken username, email (any case) or phone is 602 and adds nothing")
    void duplicates() {
        Accounts accounts = kit().accounts();
        accounts.register(NewUser.builder("dora", "dora@example.org").password(PASSWORD).phone("+4915100000001").build(), null);
        assertCode(ErrorCode.USER_EXISTS, () -> accounts.register(user("DORA"), null));
        assertCode(ErrorCode.USER_EXISTS, () -> accounts.register(NewUser.builder("dora2", "DORA@example.org").password(PASSWORD).build(), null));
        assertCode(ErrorCode.USER_EXISTS, () -> accounts.register(
                NewUser.builder("dora3", "d3@example.org").password(PASSWORD).phone("+4915100000001").build(), null));
        assertThat(accounts.list(null, 10)).hasSize(1);
    }

    @Test
    @DisplayName("A2 [required] a new user is PENDING; the verification code is returned and mailed")
    void pendingWithCode() {
        Registration r = kit().accounts().register(user("erin"), null);
        assertThat(stores.users().findById(r.userId()).orElseThrow().user().status()).isEqualTo(UserStatus.PENDING);
        assertThat(r.verificationCode()).isNotBlank();
        assertThat(codeMailedTo("erin@example.org", MessageKind.VERIFY_EMAIL)).isEqualTo(r.verificationCode());
    }

    @Test
    @DisplayName("A2 [required] activateOnSignup makes the user ACTIVE with the default role and sends no code")
    void activateOnSignup() {
        RoleRecord member = addRole("member");
        UserKit kit = kit(config().activateOnSignup(true).defaultRole("member").build());
        Registration r = kit.accounts().register(user("fred"), null);
        assertThat(r.verificationCode()).isNull();
        assertThat(kit.accounts().findById(r.userId()).orElseThrow().status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(stores.roles().rolesOf(r.userId())).extracting(Role::id).containsExactly(member.role().id());
        assertThat(mailSent()).isEmpty();
    }

    @Test
    @DisplayName("A3 [required] verifying the email makes the user ACTIVE; the code works once")
    void verifyEmail() {
        UserKit kit = listening().build();
        Registration r = kit.accounts().register(user("gina"), null);
        assertThat(kit.accounts().verifyEmail(r.verificationCode()).status()).isEqualTo(UserStatus.ACTIVE);
        assertCode(ErrorCode.CODE_INVALID, () -> kit.accounts().verifyEmail(r.verificationCode()));
        assertThat(eventTypes()).containsExactly(UserKitEvent.Type.USER_REGISTERED, UserKitEvent.Type.EMAIL_VERIFIED);
    }

    @Test
    @DisplayName("A4 [required] find by id, username, email or either in one argument; the view carries no hash")
    void find() {
        Accounts accounts = kit().accounts();
        UserId id = accounts.register(user("Hugo"), null).userId();
        assertThat(accounts.findByUsername("HUGO")).map(User::id).contains(id);
        assertThat(accounts.findByEmail("hugo@EXAMPLE.org")).map(User::id).contains(id);
        assertThat(accounts.find("hugo")).map(User::id).contains(id);
        assertThat(accounts.find("Hugo@example.org")).map(User::id).contains(id);
        assertThat(accounts.find("nobody")).isEmpty();
        assertThat(accounts.findByUsername("bad name!")).isEmpty();
        String hash = stores.users().findById(id).orElseThrow().passwordHash();
        assertThat(accounts.findById(id).orElseThrow().toString()).doesNotContain(hash);
    }

    @Test
    @DisplayName("A5 [required] list pages in stable id order, by role and by a metadata value")
    void lists() {
        UserKit kit = kit(config().activateOnSignup(true).build());
        Accounts accounts = kit.accounts();
        RoleRecord staff = addRole("staff");
        UserId a = accounts.register(NewUser.builder("ann", "ann@example.org").password(PASSWORD).metadata(Map.of("team", "red")).build(), null).userId();
        UserId b = accounts.register(NewUser.builder("ben", "ben@example.org").password(PASSWORD).metadata(Map.of("team", "blue")).build(), null).userId();
        UserId c = accounts.register(NewUser.builder("cai", "cai@example.org").password(PASSWORD).metadata(Map.of("team", "red")).build(), null).userId();
        stores.roles().grant(c, staff.role().id());
        stores.roles().grant(a, staff.role().id());
        assertThat(accounts.list(null, 2)).extracting(User::id).containsExactly(a, b);
        assertThat(accounts.list(b, 2)).extracting(User::id).containsExactly(c);
        assertThat(accounts.listByRole("staff", null, 10)).extracting(User::id).containsExactly(a, c);
        assertThat(accounts.listByMetadata("team", "red", null, 10)).extracting(User::id).containsExactly(a, c);
        assertCode(ErrorCode.WRONG_ROLE_NAME, () -> accounts.listByRole("nope", null, 10));
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> accounts.list(null, 0));
        assertCode(ErrorCode.INVALID_METADATA, () -> accounts.listByMetadata("$where", "x", null, 10));
    }

    @Test
    @DisplayName("A6 [required] self-service username change needs the password; the new name must be free; admins need none")
    void changeUsername() {
        Accounts accounts = kit().accounts();
        UserId id = accounts.register(user("ivan"), null).userId();
        accounts.register(user("jana"), null);
        assertCode(ErrorCode.WRONG_PASSWORD, () -> accounts.changeUsername(id, "wrong password here", "ivan2"));
        assertCode(ErrorCode.USER_EXISTS, () -> accounts.changeUsername(id, PASSWORD, "JANA"));
        assertCode(ErrorCode.UNCHANGED, () -> accounts.changeUsername(id, PASSWORD, "ivan"));
        assertThat(accounts.changeUsername(id, PASSWORD, "Ivan2").username().value()).isEqualTo("Ivan2");
        assertThat(accounts.adminChangeUsername(id, "ivan3").username().key()).isEqualTo("ivan3");
        assertThat(accounts.findByUsername("ivan2")).isEmpty();
        assertThat(accounts.findByUsername("ivan3")).map(User::id).contains(id);
    }

    @Test
    @DisplayName("A7 SEC-06 SEC-19 [required] password change needs the old one and ends every other session")
    void changePassword() {
        UserKit kit = listening().build();
        UserId id = kit.accounts().register(user("kim"), null).userId();
        SessionId mine = addSession(id);
        addSession(id);
        assertCode(ErrorCode.WRONG_PASSWORD, () -> kit.accounts().changePassword(id, NEW_PASSWORD, NEW_PASSWORD, mine));
        assertThat(passwordIs(id, PASSWORD)).isTrue();
        assertThat(sessionsOf(id)).hasSize(2);
        kit.accounts().changePassword(id, PASSWORD, NEW_PASSWORD, mine);
        assertThat(passwordIs(id, NEW_PASSWORD)).isTrue();
        assertThat(sessionsOf(id)).containsExactly(mine);
        assertThat(eventTypes()).contains(UserKitEvent.Type.PASSWORD_CHANGED);
    }

    @Test
    @DisplayName("A7 SEC-19 [required] an admin sets a password without the old one and every session ends")
    void adminSetPassword() {
        Accounts accounts = kit().accounts();
        UserId id = accounts.register(user("lena"), null).userId();
        addSession(id);
        accounts.adminSetPassword(id, NEW_PASSWORD);
        assertThat(passwordIs(id, NEW_PASSWORD)).isTrue();
        assertThat(sessionsOf(id)).isEmpty();
        assertCode(ErrorCode.USER_NOT_FOUND, () -> accounts.adminSetPassword(IdGenerator.userId(), NEW_PASSWORD));
    }

    @Test
    @DisplayName("A8 [required] email change: password needed, code to the NEW address, email changes only on confirmation")
    void changeEmail() {
        UserKit kit = listening().build();
        Accounts accounts = kit.accounts();
        UserId id = accounts.register(user("mia"), null).userId();
        assertCode(ErrorCode.WRONG_PASSWORD, () -> accounts.requestEmailChange(id, NEW_PASSWORD, "mia.new@example.org"));
        String code = accounts.requestEmailChange(id, PASSWORD, "Mia.New@example.org");
        assertThat(codeMailedTo("mia.new@example.org", MessageKind.CHANGE_EMAIL)).isEqualTo(code);
        assertThat(mailsTo("mia@example.org", MessageKind.CHANGE_EMAIL)).isEmpty();
        assertThat(accounts.findById(id).orElseThrow().email().value()).isEqualTo("mia@example.org");
        assertThat(accounts.confirmEmailChange(code).email().value()).isEqualTo("Mia.New@example.org");
        assertThat(accounts.findByEmail("mia@example.org")).isEmpty();
        assertThat(eventTypes()).contains(UserKitEvent.Type.EMAIL_CHANGED);
    }

    @Test
    @DisplayName("A8 [required] an address taken between request and confirmation is 602 at confirmation")
    void changeEmailTakenMeanwhile() {
        Accounts accounts = kit().accounts();
        UserId id = accounts.register(user("nils"), null).userId();
        String code = accounts.requestEmailChange(id, PASSWORD, "shared@example.org");
        accounts.register(NewUser.builder("omar", "SHARED@example.org").password(PASSWORD).build(), null);
        assertCode(ErrorCode.USER_EXISTS, () -> accounts.confirmEmailChange(code));
        assertThat(accounts.findById(id).orElseThrow().email().value()).isEqualTo("nils@example.org");
    }

    @Test
    @DisplayName("A9 [required] profile update, metadata replacement and single-field set; bad field names are 1009")
    void profileAndMetadata() {
        Accounts accounts = kit().accounts();
        UserId id = accounts.register(user("pia"), null).userId();
        Profile pia = Profile.builder().firstName("Pia").lastName("Lund").build();
        assertThat(accounts.updateProfile(id, pia).profile().firstName()).isEqualTo("Pia");
        accounts.replaceMetadata(id, Map.of("a", 1, "b", List.of("x")));
        accounts.setMetadataField(id, "c", Map.of("nested", true));
        assertThat(accounts.setMetadataField(id, "a", null).metadata()).isEqualTo(Map.of("b", List.of("x"), "c", Map.of("nested", true)));
        assertCode(ErrorCode.INVALID_METADATA, () -> accounts.setMetadataField(id, "a.b", 1));
        assertCode(ErrorCode.INVALID_METADATA, () -> accounts.replaceMetadata(id, Map.of("$set", 1)));
        assertThat(accounts.findById(id).orElseThrow().metadata()).containsOnlyKeys("b", "c");
    }

    @Test
    @DisplayName("A9 [required] concurrent single-field writes to different fields all survive (optimistic retry)")
    void concurrentFieldWrites() throws Exception {
        Accounts accounts = kit().accounts();
        UserId id = accounts.register(user("quin"), null).userId();
        assertThat(Concurrently.run(4, i -> accounts.setMetadataField(id, "f" + i, (long) i)))
                .allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(accounts.findById(id).orElseThrow().metadata()).containsOnlyKeys("f0", "f1", "f2", "f3");
    }

    @Test
    @DisplayName("A10 [required] delete by id, username or email; an unknown user is 605")
    void delete() {
        UserKit kit = listening().build();
        Accounts accounts = kit.accounts();
        UserId a = accounts.register(user("rita"), null).userId();
        UserId b = accounts.register(user("sam"), null).userId();
        UserId c = accounts.register(user("tom"), null).userId();
        accounts.delete(a);
        accounts.delete("SAM");
        accounts.delete("tom@example.org");
        assertThat(accounts.findById(a)).isEmpty();
        assertThat(accounts.findById(b)).isEmpty();
        assertThat(accounts.findById(c)).isEmpty();
        assertCode(ErrorCode.USER_NOT_FOUND, () -> accounts.delete(a));
        assertCode(ErrorCode.USER_NOT_FOUND, () -> accounts.delete("nobody"));
        assertThat(eventTypes()).filteredOn(t -> t == UserKitEvent.Type.USER_DELETED).hasSize(3);
    }

    @Test
    @DisplayName("A11 SEC-19 [required] deactivating ends every session; activating makes the user ACTIVE")
    void activateDeactivate() {
        Accounts accounts = kit().accounts();
        UserId id = accounts.register(user("uma"), null).userId();
        assertThat(accounts.activate(id).status()).isEqualTo(UserStatus.ACTIVE);
        addSession(id);
        addSession(id);
        assertThat(accounts.deactivate(id).status()).isEqualTo(UserStatus.DISABLED);
        assertThat(sessionsOf(id)).isEmpty();
        assertThat(accounts.setStatus(id, UserStatus.ACTIVE).status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    @DisplayName("A12 [required] the admin flag is read and set")
    void adminFlag() {
        Accounts accounts = kit().accounts();
        UserId id = accounts.register(user("vera"), null).userId();
        assertThat(accounts.isAdmin(id)).isFalse();
        accounts.setAdmin(id, true);
        assertThat(accounts.isAdmin(id)).isTrue();
        assertCode(ErrorCode.USER_NOT_FOUND, () -> accounts.isAdmin(IdGenerator.userId()));
    }

    @Test
    @DisplayName("A13 [required] usernames are case-insensitive by default and case-sensitive on request")
    void caseSensitivity() {
        kit().accounts().register(user("Walt"), null);
        assertCode(ErrorCode.USER_EXISTS, () -> kit().accounts().register(NewUser.builder("wALT", "w2@example.org").password(PASSWORD).build(), null));
        UserKit sensitive = kit(config().usernameCaseSensitive(true).build());
        sensitive.accounts().register(NewUser.builder("Kay", "k1@example.org").password(PASSWORD).build(), null);
        assertThatCode(() -> sensitive.accounts().register(NewUser.builder("KAY", "k2@example.org").password(PASSWORD).build(), null))
                .doesNotThrowAnyException();
        assertThat(sensitive.accounts().findByUsername("KAY")).map(u -> u.email().value()).contains("k2@example.org");
        assertThat(sensitive.accounts().findByUsername("kay")).isEmpty();
    }

    @Test
    @DisplayName("A14 [required] full name falls back to the username; the full user carries its roles")
    void fullNameAndFullUser() {
        Accounts accounts = kit().accounts();
        UserId id = accounts.register(user("xena"), null).userId();
        assertThat(accounts.fullName(id)).isEqualTo("xena");
        accounts.updateProfile(id, Profile.builder().firstName("Xena").lastName("Warrior").build());
        assertThat(accounts.fullName(id)).isEqualTo("Xena Warrior");
        RoleRecord r = addRole("editor");
        stores.roles().grant(id, r.role().id());
        assertThat(accounts.fullUser(id).roles()).extracting(Role::name).containsExactly("editor");
    }

    @Test
    @DisplayName("A15 [required] resending the verification code voids the previous one")
    void resendVoidsPrevious() {
        Accounts accounts = kit().accounts();
        Registration r = accounts.register(user("yuri"), null);
        String second = accounts.resendVerification("yuri@example.org", null);
        assertThat(codeMailedTo("yuri@example.org", MessageKind.VERIFY_EMAIL)).isEqualTo(second);
        assertCode(ErrorCode.CODE_INVALID, () -> accounts.verifyEmail(r.verificationCode()));
        assertThat(accounts.verifyEmail(second).status()).isEqualTo(UserStatus.ACTIVE);
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> accounts.resendVerification("yuri", null));
    }

    @Test
    @DisplayName("A15 SEC-25 [required] resending is limited per address within the send window")
    void resendLimited() {
        Accounts accounts = kit(config().sendLimit(2).build()).accounts();
        accounts.register(user("zoe"), null);
        accounts.resendVerification("zoe", null);
        accounts.resendVerification("zoe", null);
        assertCode(ErrorCode.THROTTLED, () -> accounts.resendVerification("zoe", null));
        assertThat(mailsTo("zoe@example.org", MessageKind.VERIFY_EMAIL)).hasSize(3);
        clock.advance(Duration.ofHours(1));
        assertThatCode(() -> accounts.resendVerification("zoe", null)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("A16 [required] accounts unverified for 7 days are purged and free their name and email; others stay")
    void purgeUnverified() {
        Accounts accounts = kit().accounts();
        UserId old = accounts.register(user("abel"), null).userId();
        UserId verified = accounts.register(user("bria"), null).userId();
        accounts.activate(verified);
        clock.advance(Duration.ofDays(7).minusMinutes(1));
        UserId young = accounts.register(user("cruz"), null).userId();
        clock.advance(Duration.ofMinutes(2));
        assertThat(accounts.purgeUnverified()).isEqualTo(1);
        assertThat(accounts.findById(old)).isEmpty();
        assertThat(accounts.findById(verified)).isPresent();
        assertThat(accounts.findById(young)).isPresent();
        assertThatCode(() -> accounts.register(user("abel"), null)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("A19 [required] an admin changes profile, email and phone without password or code; the old address is told, listeners hear it")
    void adminUpdateInfo() {
        UserKit kit = listening().build();
        UserId id = kit.accounts().register(NewUser.builder("nora", "nora@example.org").password(PASSWORD).phone("+4915112345678").build(),
                null).userId();
        clearSentMail();
        Profile profile = Profile.builder().firstName("Nora").lastName("Lind").build();
        User u = kit.accounts().adminUpdateInfo(id, profile, "nora.lind@example.org", "+4915187654321");
        assertThat(u.email().value()).isEqualTo("nora.lind@example.org");
        assertThat(u.phone().value()).isEqualTo("+4915187654321");
        assertThat(u.profile()).isEqualTo(profile);
        assertThat(kit.accounts().findByEmail("nora.lind@example.org")).map(User::id).contains(id);
        assertThat(kit.accounts().findByEmail("nora@example.org")).isEmpty();
        assertThat(mailsTo("nora@example.org", MessageKind.EMAIL_CHANGE_NOTICE)).hasSize(1);
        assertThat(mailsTo("nora.lind@example.org", MessageKind.CHANGE_EMAIL)).isEmpty();
        assertThat(events).filteredOn(e -> e.type() == UserKitEvent.Type.EMAIL_CHANGED)
                .singleElement().satisfies(e -> assertThat(e.details()).containsEntry("by", "admin"));
        assertThat(eventTypes()).contains(UserKitEvent.Type.PHONE_CHANGED);
        User cleared = kit.accounts().adminUpdateInfo(id, null, null, "");
        assertThat(cleared.phone()).isNull();
        assertThat(cleared.profile()).isEqualTo(profile);
    }

    @Test
    @DisplayName("A19 [required] an admin info change to a taken email (602) or phone, or with a bad email (901) or phone (804), changes nothing")
    void adminUpdateInfoAllOrNothing() {
        UserKit kit = kit();
        kit.accounts().register(NewUser.builder("otto", "otto@example.org").password(PASSWORD).phone("+4915100000001").build(), null);
        UserId id = kit.accounts().register(user("pia"), null).userId();
        User before = kit.accounts().findById(id).orElseThrow();
        clearSentMail();
        Profile changed = Profile.builder().firstName("Changed").build();
        assertCode(ErrorCode.USER_EXISTS, () -> kit.accounts().adminUpdateInfo(id, changed, "OTTO@example.org", null));
        assertCode(ErrorCode.USER_EXISTS, () -> kit.accounts().adminUpdateInfo(id, changed, null, "+4915100000001"));
        assertCode(ErrorCode.INVALID_EMAIL, () -> kit.accounts().adminUpdateInfo(id, changed, "not an email", null));
        assertCode(ErrorCode.INVALID_PHONE, () -> kit.accounts().adminUpdateInfo(id, changed, null, "12"));
        assertCode(ErrorCode.UNCHANGED, () -> kit.accounts().adminUpdateInfo(id, null, null, null));
        assertCode(ErrorCode.USER_NOT_FOUND, () -> kit.accounts().adminUpdateInfo(IdGenerator.userId(), changed, null, null));
        User after = kit.accounts().findById(id).orElseThrow();
        assertThat(after.profile()).isEqualTo(before.profile());
        assertThat(after.email()).isEqualTo(before.email());
        assertThat(after.phone()).isNull();
        assertThat(mailSent()).isEmpty();
    }
}
