package dev.userkit.testkit.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userkit.ErrorCode;
import dev.userkit.PasswordHashing;
import dev.userkit.StoreException;
import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.accounts.Accounts;
import dev.userkit.accounts.NewUser;
import dev.userkit.crypto.Secrets;
import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.Role;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.spi.CodeStore;
import dev.userkit.spi.RoleRecord;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UserRecord;
import dev.userkit.spi.UserStore;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Import, export, deletion of everything, uniqueness under concurrency and fault ordering (A17, A18, REL-2, REL-3, REL-7, H4).
 *
 * <p>If a test fails, check: REL-2, the unique indexes of the {@code UserStore} under
 * concurrency; REL-3, the unit of work and the order of writes; REL-7, that deleting a user
 * removes its sessions, codes, grants and devices (foreign keys with a cascade, or the
 * {@code deleteAllFor} methods); A17 and A18, that an imported hash is stored whole and that the
 * export reads every port.
 */
public abstract class AccountIntegrityTests extends IdentityFixture {
    /** bcrypt of "U*U" from the OpenWall test vectors. */
    private static final String BCRYPT = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";

    @Test
    @DisplayName("A17 [required] an imported user keeps its bcrypt hash, which verifies the old password")
    void importBcrypt() {
        Accounts accounts = kit().accounts();
        UserId id = accounts.importUser(NewUser.builder("legacy", "legacy@example.org").build(), BCRYPT, null);
        UserRecord r = stores.users().findById(id).orElseThrow();
        assertThat(r.passwordHash()).isEqualTo(BCRYPT);
        assertThat(r.user().status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(passwordIs(id, "U*U")).isTrue();
    }

    @Test
    @DisplayName("A17 [required] a hash in an unknown format, or a malformed PHC PBKDF2 one, is 1011 and adds nothing")
    void importUnknownFormat() {
        Accounts accounts = kit().accounts();
        // the second: l=31 does not match the 32-byte key
        for (String hash : List.of("{MD5}X03MO1qnZdYdgyfeuILPmQ==",
                "$pbkdf2-sha256$i=4096,l=31$++9+ABEiM0T7735VZneImQ$aV3S7dVmRu0p3E4okeL+9SRlISPFdoZzPhZoSUJU5Ag")) {
            assertCode(ErrorCode.UNSUPPORTED_HASH, () -> accounts.importUser(
                    NewUser.builder("legacy", "legacy@example.org").build(), hash, null));
            assertThat(accounts.find("legacy")).isEmpty();
        }
    }

    @Test
    @DisplayName("A18 [required] the export holds profile, metadata, roles, devices and sessions, and no hash or token")
    void export() throws Exception {
        Accounts accounts = kit().accounts();
        UserId id = accounts.register(NewUser.builder("exa", "exa@example.org").password(PASSWORD).metadata(Map.of("k", "v")).build(), null).userId();
        RoleRecord role = new RoleRecord(new Role(IdGenerator.roleId(), "reader", "", List.of()), 0);
        stores.roles().insert(role);
        stores.roles().grant(id, role.role().id());
        SessionId session = addSession(id);
        addDevice(id);
        String json = accounts.exportUser(id);
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.at("/user/username").asText()).isEqualTo("exa");
        assertThat(root.at("/user/metadata/k").asText()).isEqualTo("v");
        assertThat(root.at("/roles/0").asText()).isEqualTo("reader");
        assertThat(root.at("/sessions/0/id").asText()).isEqualTo(session.toString());
        assertThat(root.at("/devices")).hasSize(1);
        String hash = stores.users().findById(id).orElseThrow().passwordHash();
        String tokenHash = stores.sessions().findById(session).orElseThrow().tokenHash();
        assertThat(json).doesNotContain(hash).doesNotContain(tokenHash).doesNotContainIgnoringCase("hash");
    }

    @Test
    @DisplayName("REL-7 [required] deleting a user removes its sessions, codes, grants and devices")
    void deleteRemovesEverything() {
        Accounts accounts = kit().accounts();
        String code = accounts.register(user("gone"), null).verificationCode();
        UserId id = accounts.find("gone").orElseThrow().id();
        UserId other = accounts.register(user("stays"), null).userId();
        RoleRecord role = new RoleRecord(new Role(IdGenerator.roleId(), "r", "", List.of()), 0);
        stores.roles().insert(role);
        stores.roles().grant(id, role.role().id());
        stores.roles().grant(other, role.role().id());
        addSession(id);
        addSession(other);
        addDevice(id);
        accounts.delete(id);
        assertThat(stores.users().findById(id)).isEmpty();
        assertThat(sessionsOf(id)).isEmpty();
        assertThat(stores.devices().list(id, false)).isEmpty();
        assertThat(stores.roles().usersWith(role.role().id(), null, 10)).containsExactly(other);
        assertThat(stores.codes().consume(Secrets.sha256(code), CodePurpose.EMAIL_VERIFY)).isEmpty();
        assertThat(sessionsOf(other)).hasSize(1);
    }

    @Test
    @DisplayName("REL-2 [required] 50 threads registering variants of one name leave one account; the others get 602")
    void concurrentRegistration() throws Exception {
        // uniqueness is the subject here, not hashing: cheap parameters keep 50 registrations quick
        Accounts accounts = kit(config().passwordHashing(PasswordHashing.insecureForTestsOnly()).build()).accounts();
        String[] variants = {"race", "RACE", "Race", "\uFF52\uFF41\uFF43\uFF45", "rAcE"};
        var outcomes = Concurrently.run(50, i -> accounts.register(
                NewUser.builder(variants[i % variants.length], "race" + i + "@example.org").password(PASSWORD).build(), null).userId());
        assertThat(outcomes).filteredOn(o -> o.failure() == null).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.failure() != null).allSatisfy(o ->
                assertThat(o.failure()).isInstanceOf(UserKitException.class).isNotInstanceOf(StoreException.class)
                        .extracting(f -> ((UserKitException) f).code()).isEqualTo(ErrorCode.USER_EXISTS));
        assertThat(accounts.list(null, 100)).hasSize(1);
    }

    @Test
    @DisplayName("REL-3 [required] a fault between the steps of a delete leaves a safe state, and a retry completes it")
    void deleteFaultLeavesSafeState() {
        UserId id = kit().accounts().register(user("fault"), null).userId();
        kit().accounts().activate(id);
        SessionId s = addSession(id);
        Stores faulty = withCodes(failing(CodeStore.class, stores.codes(), "deleteAllFor"));
        UserKit broken = UserKit.builder().stores(faulty).config(config().build()).clock(clock).mailer(mailer).build();
        assertThatThrownBy(() -> broken.accounts().delete(id)).isInstanceOf(StoreException.class);
        UserRecord after = stores.users().findById(id).orElseThrow();
        // either the unit of work rolled back everything, or the user is disabled before anything else went
        boolean rolledBack = after.user().status() == UserStatus.ACTIVE && sessionsOf(id).contains(s);
        assertThat(rolledBack || after.user().status() == UserStatus.DISABLED).isTrue();
        kit().accounts().delete(id);
        assertThat(stores.users().findById(id)).isEmpty();
        assertThat(sessionsOf(id)).isEmpty();
    }

    @Test
    @DisplayName("H4 [required] a store fault surfaces as StoreException, never as a domain code, and is not swallowed")
    void storeFaultIsNotADomainOutcome() {
        Stores faulty = stores.withUsers(failing(UserStore.class, stores.users(), "insert"));
        UserKit broken = UserKit.builder().stores(faulty).config(config().build()).clock(clock).mailer(mailer).build();
        assertThatThrownBy(() -> broken.accounts().register(user("h4"), null))
                .isInstanceOf(StoreException.class).isNotInstanceOf(UserKitException.class);
        assertThat(mailSent()).isEmpty();
    }

    private Stores withCodes(CodeStore codes) {
        return stores.withCodes(codes);
    }

    /** A proxy of {@code port} whose method {@code method} throws a StoreException, as a database going away would. */
    @SuppressWarnings("unchecked")
    static <T> T failing(Class<T> type, T port, String method) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            if (m.getName().equals(method)) throw new StoreException("injected fault in " + method);
            try {
                return m.invoke(port, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
