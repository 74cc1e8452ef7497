package dev.userkit.testkit.features;

import dev.userkit.spi.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;

import com.password4j.Argon2Function;
import com.password4j.BcryptFunction;
import com.password4j.Password;
import com.password4j.types.Argon2;
import com.password4j.types.Bcrypt;
import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.access.Decision;
import dev.userkit.accounts.BootstrapResult;
import dev.userkit.accounts.NewUser;
import dev.userkit.accounts.Registration;
import dev.userkit.domain.Permission;
import dev.userkit.domain.UserId;
import dev.userkit.domain.Verb;
import dev.userkit.hooks.UserKitEvent;
import dev.userkit.recovery.GeneratedPassword;
import dev.userkit.sessions.AnonymousSession;
import dev.userkit.sessions.LoginResult;
import dev.userkit.sessions.Validation;
import dev.userkit.spi.MailMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Whole user journeys across the account, recovery, session and access-control services: what
 * one service changes, the others see (the login after a reset, a rename, a deletion...). Every
 * step goes through the public services; users are registered, never put into the store.
 *
 * <p>If a test fails, the failing step names the port: a login after a reset needs
 * {@code AttemptStore.reset} to lift the lock (SEC-09), a rename needs {@code UserStore.update} to
 * free the old keys, a deletion needs every owned record gone, a re-hash on login needs the
 * password hash column to hold the whole hash.
 */
public abstract class LifecycleFeatureTests extends IdentityFixture {
    private static final ClientContext CLIENT = ClientContext.fromAddress("203.0.113.9");
    private static final String WRONG = "definitely not the password";

    // ---------------------------------------------------------------- recovery, then login

    @Test
    @DisplayName("SEC-09 [required] a locked account completes a password reset, which lifts the lock: the new password logs in at once")
    void resetLiftsLoginLock() {
        UserKit kit = kit(config().loginFailureLimit(3).build());
        UserId id = registerVerified(kit, "lena");
        for (int i = 0; i < 3; i++) loginFails(kit, "lena", WRONG);
        assertCode(ErrorCode.THROTTLED, () -> kit.sessions().login("lena", PASSWORD, CLIENT));
        assertCode(ErrorCode.THROTTLED, () -> kit.sessions().login("lena", WRONG, CLIENT));

        kit.recovery().requestPasswordReset("lena@example.org", CLIENT);
        kit.recovery().resetPassword(resetCode("lena"), NEW_PASSWORD);

        // no cooldown waited: the lock of the name and of the email went with the old password
        logsIn(kit, "lena", NEW_PASSWORD, id);
        logsIn(kit, "LENA@example.org", NEW_PASSWORD, id);
    }

    @Test
    @DisplayName("SEC-09 [required] after the reset the lock counts afresh: N new failures lock the account again")
    void lockCountsAfreshAfterReset() {
        UserKit kit = kit(config().loginFailureLimit(2).build());
        registerVerified(kit, "mira");
        for (int i = 0; i < 2; i++) loginFails(kit, "mira", WRONG);
        kit.recovery().requestPasswordReset("mira", CLIENT);
        kit.recovery().resetPassword(resetCode("mira"), NEW_PASSWORD);
        for (int i = 0; i < 2; i++) loginFails(kit, "mira", WRONG);
        assertCode(ErrorCode.THROTTLED, () -> kit.sessions().login("mira", NEW_PASSWORD, CLIENT));
    }

    @Test
    @DisplayName("C3 [required] after a reset the new password logs in and the old one is 603")
    void resetThenLogin() {
        UserKit kit = kit();
        UserId id = registerVerified(kit, "nora");
        kit.recovery().requestPasswordReset("nora", CLIENT);
        kit.recovery().resetPassword(resetCode("nora"), NEW_PASSWORD);
        logsIn(kit, "nora", NEW_PASSWORD, id);
        loginFails(kit, "nora", PASSWORD);
    }

    @Test
    @DisplayName("C4 [required] the generated password logs in under the returned username; the old one is 603")
    void generatedPasswordLogsIn() {
        UserKit kit = kit();
        UserId id = registerVerified(kit, "Otto");
        kit.recovery().requestPasswordReset("otto", CLIENT);
        GeneratedPassword g = kit.recovery().resetToGeneratedPassword(resetCode("otto"));
        logsIn(kit, g.username(), g.password(), id);
        loginFails(kit, "otto", PASSWORD);
    }

    @Test
    @DisplayName("C6 [required] after a reset by phone the new password logs in")
    void phoneResetThenLogin() {
        UserKit kit = kit();
        UserId id = kit.accounts().register(NewUser.builder("pia", "pia@example.org").password(PASSWORD)
                .phone("+41790000001").build(), CLIENT).userId();
        kit.accounts().verifyEmail(codeMailedTo("pia@example.org", MessageKind.VERIFY_EMAIL));
        kit.recovery().requestPasswordResetByPhone("+41790000001", CLIENT);
        kit.recovery().resetPasswordByPhone("+41790000001", codeTexted(), NEW_PASSWORD);
        logsIn(kit, "pia", NEW_PASSWORD, id);
        loginFails(kit, "pia", PASSWORD);
    }

    // ---------------------------------------------------------------- account changes, then login

    @Test
    @DisplayName("A3 S1 [required] a PENDING user gets 601 after the right password (603 after a wrong one); once verified it logs in")
    void verifyThenLogin() {
        UserKit kit = kit();
        Registration reg = kit.accounts().register(user("quinn"), CLIENT);
        assertCode(ErrorCode.USER_NOT_ACTIVATED, () -> kit.sessions().login("quinn", PASSWORD, CLIENT));
        loginFails(kit, "quinn", WRONG);
        kit.accounts().verifyEmail(reg.verificationCode());
        logsIn(kit, "quinn", PASSWORD, reg.userId());
    }

    @Test
    @DisplayName("A2 R4 [required] activateOnSignup with a default role: the new user logs in holding it and its permission is ALLOWED")
    void defaultRoleAuthorises() {
        UserKit kit = kit(config().activateOnSignup(true).defaultRole("member").build());
        kit.access().createRole("member", "every new user");
        kit.access().addPermission("member", new Permission("read-api", "/api/**", Set.of(Verb.GET)));
        kit.accounts().register(user("rhea"), CLIENT);
        LoginResult r = kit.sessions().login("rhea", PASSWORD, CLIENT);
        assertThat(r.roleNames()).containsExactly("member");
        assertThat(kit.access().authorize(r.token(), Verb.GET, "/api/orders/7")).isEqualTo(Decision.ALLOWED);
        assertThat(kit.access().authorize(r.token(), Verb.DELETE, "/api/orders/7")).isEqualTo(Decision.FORBIDDEN);
    }

    @Test
    @DisplayName("A6 [required] after a username change the new name logs in and the old one is 603")
    void renameThenLogin() {
        UserKit kit = kit();
        UserId id = registerVerified(kit, "sven");
        kit.accounts().changeUsername(id, PASSWORD, "Svenja");
        logsIn(kit, "svenja", PASSWORD, id);
        loginFails(kit, "sven", PASSWORD);
    }

    @Test
    @DisplayName("A7 SEC-19 [required] after a password change the kept session validates, the other is 607; only the new password logs in")
    void changePasswordKeepsCallerSession() {
        UserKit kit = kit();
        UserId id = registerVerified(kit, "tara");
        LoginResult mine = logsIn(kit, "tara", PASSWORD, id);
        LoginResult other = logsIn(kit, "tara", PASSWORD, id);
        kit.accounts().changePassword(id, PASSWORD, NEW_PASSWORD, mine.session().id());
        assertThat(kit.sessions().validate(mine.token()).user()).map(u -> u.id()).contains(id);
        assertCode(ErrorCode.TOKEN_INVALID, () -> kit.sessions().validate(other.token()));
        logsIn(kit, "tara", NEW_PASSWORD, id);
        loginFails(kit, "tara", PASSWORD);
    }

    @Test
    @DisplayName("A8 [required] after a confirmed email change the new address logs in and the old one is 603")
    void emailChangeThenLogin() {
        UserKit kit = kit();
        UserId id = registerVerified(kit, "uma");
        kit.accounts().requestEmailChange(id, PASSWORD, "Uma.New@example.net");
        kit.accounts().confirmEmailChange(codeMailedTo("uma.new@example.net", MessageKind.CHANGE_EMAIL));
        logsIn(kit, "uma.new@EXAMPLE.net", PASSWORD, id);
        loginFails(kit, "uma@example.org", PASSWORD);
    }

    @Test
    @DisplayName("A10 REL-7 [required] a logged-in user is deleted: its token is 607 and UNAUTHENTICATED, its login 603")
    void deleteEndsLiveSession() {
        UserKit kit = kit();
        UserId id = registerVerified(kit, "vera");
        LoginResult r = logsIn(kit, "vera", PASSWORD, id);
        kit.accounts().delete(id);
        assertCode(ErrorCode.TOKEN_INVALID, () -> kit.sessions().validate(r.token()));
        assertThat(kit.access().authorize(r.token(), Verb.GET, "/")).isEqualTo(Decision.UNAUTHENTICATED);
        assertThat(sessionsOf(id)).isEmpty();
        loginFails(kit, "vera", PASSWORD);
    }

    @Test
    @DisplayName("A11 SEC-07 SEC-19 [required] deactivation revokes live sessions and login is 603 like a wrong password; reactivation allows login")
    void deactivateAndReactivate() {
        UserKit kit = kit();
        UserId id = registerVerified(kit, "willa");
        LoginResult r = logsIn(kit, "willa", PASSWORD, id);
        kit.accounts().deactivate(id);
        assertThat(sessionsOf(id)).isEmpty();
        assertCode(ErrorCode.TOKEN_INVALID, () -> kit.sessions().validate(r.token()));
        UserKitException disabled = loginFails(kit, "willa", PASSWORD);
        UserKitException wrong = loginFails(kit, "willa", WRONG);
        assertThat(disabled.getMessage()).isEqualTo(wrong.getMessage());
        kit.accounts().activate(id);
        logsIn(kit, "willa", PASSWORD, id);
    }

    // ---------------------------------------------------------------- import and re-hash

    @Test
    @DisplayName("A17 SEC-05 [required] an imported bcrypt user logs in with the old password and then holds a current Argon2id hash")
    void importedBcryptLogsInAndIsRehashed() {
        String bcrypt = Password.hash(PASSWORD).with(BcryptFunction.getInstance(Bcrypt.B, 6)).getResult();
        importedUserLogsInAndIsRehashed("xena", bcrypt);
    }

    @Test
    @DisplayName("A17 SEC-05 [required] an imported Argon2id user with weaker parameters logs in and is re-hashed to the current ones")
    void importedWeakArgon2LogsInAndIsRehashed() {
        Argon2Function weaker = Argon2Function.getInstance(4096, 1, 1, 32, Argon2.ID, 19);
        String argon2 = Password.hash(PASSWORD).addRandomSalt(16).with(weaker).getResult();
        assertThat(argon2).startsWith("$argon2id$").contains("m=4096,t=1,p=1");
        importedUserLogsInAndIsRehashed("yves", argon2);
    }

    @Test
    @DisplayName("A17 SEC-05 [required] users imported with Django, passlib and PHC scrypt hashes log in and are re-hashed to Argon2id")
    void importedStandardEncodingsLogInAndAreRehashed() {
        // hashlib output in each system's layout (see PasswordHasherFormatsTest); the salt is fb ef 7e 00 11 22 33 44 fb ef 7e 55 66 77 88 99
        importedUserLogsInAndIsRehashed("django",
                "pbkdf2_sha256$10000$Xo3kP9qLm2RtZ8vB1cYw4e$THKbT5p1VgWZ6p2di0I/oNYDLO2Mq2CT7EITO47Zk38=");
        importedUserLogsInAndIsRehashed("passlib", "$pbkdf2-sha512$25000$..9.ABEiM0T7735VZneImQ$"
                + "ueo2sqGn1lWNSPrn5VZJfeMjH9k4R0jklf2kMXcSjOyTK7CCpGNwNlZ/OQqzdBmrQFcflEfVsfErjHD7aLU4Vw");
        importedUserLogsInAndIsRehashed("scrypt", "$scrypt$ln=10,r=8,p=1$++9+ABEiM0T7735VZneImQ$FXArcYfHvPDkrKuv19sc9QGyMKr6Di04iUxuKTH/UnA");
    }

    private void importedUserLogsInAndIsRehashed(String name, String oldHash) {
        UserKit kit = kit();
        UserId id = kit.accounts().importUser(NewUser.builder(name, name + "@example.org").build(), oldHash, null);
        loginFails(kit, name, WRONG);
        assertThat(storedHash(id)).as("a failed login re-hashes nothing").isEqualTo(oldHash);
        logsIn(kit, name, PASSWORD, id);
        assertThat(storedHash(id)).startsWith("$argon2id$").contains("m=19456,t=2,p=1");
        assertThat(passwordIs(id, PASSWORD)).isTrue();
    }

    // ---------------------------------------------------------------- root and admin flag

    @Test
    @DisplayName("R5 R4 [required] the bootstrapped root logs in and is ALLOWED every verb on any canonical path")
    void rootIsAllowedEverything() {
        UserKit kit = kit();
        BootstrapResult root = kit.bootstrap().ensureRoot("root", "root@example.org", null);
        LoginResult r = kit.sessions().login("root", root.password(), CLIENT);
        for (Verb verb : Verb.values()) {
            for (String path : List.of("/", "/admin", "/api/users/42/roles", "/a/b/c/d/e.json")) {
                assertThat(kit.access().authorize(r.token(), verb, path)).as("%s %s", verb, path).isEqualTo(Decision.ALLOWED);
            }
        }
        assertThat(kit.access().authorize(r.token(), Verb.GET, "/api/../admin")).isEqualTo(Decision.FORBIDDEN);
    }

    @Test
    @DisplayName("A12 R4 [required] setAdmin(true) on a normal user grants nothing by itself")
    void adminFlagGrantsNothing() {
        UserKit kit = kit();
        kit.bootstrap().ensureRoot("root", "root@example.org", null);
        UserId id = registerVerified(kit, "zack");
        kit.accounts().setAdmin(id, true);
        LoginResult r = logsIn(kit, "zack", PASSWORD, id);
        assertThat(r.user().admin()).isTrue();
        assertThat(r.roleNames()).isEmpty();
        for (Verb verb : Verb.values()) {
            assertThat(kit.access().authorize(r.token(), verb, "/admin")).as("%s", verb).isEqualTo(Decision.FORBIDDEN);
        }
    }

    // ---------------------------------------------------------------- hooks (H2)

    @Test
    @DisplayName("H2 [required] a recipient resolver redirects the verification mail, and the code in it verifies the email")
    void redirectedVerificationMail() {
        UserKit kit = kitBuilder(config().build())
                .recipients((address, kind) -> kind == MessageKind.VERIFY_EMAIL ? "qa-inbox@example.net" : address)
                .build();
        UserId id = kit.accounts().register(user("abel"), CLIENT).userId();
        assertThat(mailsTo("abel@example.org", MessageKind.VERIFY_EMAIL)).isEmpty();
        kit.accounts().verifyEmail(codeMailedTo("qa-inbox@example.net", MessageKind.VERIFY_EMAIL));
        logsIn(kit, "abel", PASSWORD, id);
    }

    @Test
    @DisplayName("H2 [required] a listener hears PASSWORD_RESET for the reset user, without the code or password")
    void listenerHearsReset() {
        UserKit kit = listening().build();
        UserId id = registerVerified(kit, "bea");
        kit.recovery().requestPasswordReset("bea", CLIENT);
        String code = resetCode("bea");
        kit.recovery().resetPassword(code, NEW_PASSWORD);
        List<UserKitEvent> resets = events.stream().filter(e -> e.type() == UserKitEvent.Type.PASSWORD_RESET).toList();
        assertThat(resets).extracting(UserKitEvent::userId).containsExactly(id);
        assertThat(resets.get(0).details().values()).doesNotContain(code, NEW_PASSWORD);
        logsIn(kit, "bea", NEW_PASSWORD, id);
    }

    @Test
    @DisplayName("H2 A5 [required] a user lookup over a metadata field (employee number) logs the user in by that field")
    void loginByMetadataField() {
        // the hook asks the public account service, as an application would
        var accounts = kit().accounts();
        UserKit kit = kitBuilder(config().build())
                .userLookup(identifier -> accounts.listByMetadata("employee", identifier, null, 2).stream()
                        .findFirst().map(u -> u.id()))
                .build();
        UserId id = kit.accounts().register(NewUser.builder("cleo", "cleo@example.org").password(PASSWORD)
                .metadata(Map.of("employee", "E-1001")).build(), CLIENT).userId();
        kit.accounts().verifyEmail(codeMailedTo("cleo@example.org", MessageKind.VERIFY_EMAIL));
        logsIn(kit, "E-1001", PASSWORD, id);
        loginFails(kit, "E-1001", WRONG);
        loginFails(kit, "E-1002", PASSWORD);
    }

    // ---------------------------------------------------------------- anonymous session to account

    @Test
    @DisplayName("S2 A1 A3 SEC-17 [required] anonymous session, register, verify, login binding it: its data stays under a new token")
    void anonymousSessionBecomesTheNewUsers() {
        UserKit kit = kit();
        AnonymousSession anon = kit.sessions().startAnonymous(Map.of("cart", "3 items", "locale", "de"));
        String code = kit.accounts().register(user("dina"), CLIENT).verificationCode();
        kit.accounts().verifyEmail(code);
        LoginResult r = kit.sessions().loginFromAnonymous(anon.token(), "dina", PASSWORD, CLIENT, Map.of("locale", "fr"));
        assertThat(r.token()).isNotEqualTo(anon.token());
        assertThat(r.session().id()).isEqualTo(anon.session().id());
        Validation v = kit.sessions().validate(r.token());
        assertThat(v.user()).map(u -> u.username().value()).isEqualTo(Optional.of("dina"));
        assertThat(v.session().data()).containsEntry("cart", "3 items").containsEntry("locale", "fr");
        assertCode(ErrorCode.TOKEN_INVALID, () -> kit.sessions().validate(anon.token()));
    }

    // ---------------------------------------------------------------- helpers

    /** Registers {@code name} (email name@example.org, {@link #PASSWORD}) and verifies it with the mailed code. */
    private UserId registerVerified(UserKit kit, String name) {
        UserId id = kit.accounts().register(user(name), CLIENT).userId();
        kit.accounts().verifyEmail(codeMailedTo(name + "@example.org", MessageKind.VERIFY_EMAIL));
        return id;
    }

    /** The newest reset code mailed to name@example.org. */
    private String resetCode(String name) {
        return codeMailedTo(name + "@example.org", MessageKind.PASSWORD_RESET);
    }

    /** Asserts the login succeeds as the user {@code id} and returns it. */
    private static LoginResult logsIn(UserKit kit, String identifier, String password, UserId id) {
        LoginResult r = kit.sessions().login(identifier, password, CLIENT);
        assertThat(r.user().id()).isEqualTo(id);
        return r;
    }

    /** Asserts the login is refused with 603 and returns the refusal. */
    private static UserKitException loginFails(UserKit kit, String identifier, String password) {
        return LoginFixture.expectCode(ErrorCode.WRONG_CREDENTIALS, () -> kit.sessions().login(identifier, password, CLIENT));
    }

    private String storedHash(UserId id) {
        return stores.users().findById(id).orElseThrow().passwordHash();
    }
}
