package dev.userkit.testkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ClientContext;
import dev.userkit.PasswordHashing;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.UserKitException;
import dev.userkit.accounts.NewUser;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Profile;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.Verb;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.UserQuery;
import dev.userkit.spi.UserRecord;
import dev.userkit.testkit.StoreFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The hostile corpus ({@link HostileInputs}) through every public entry point, on a fresh world
 * per entry point. For each input the call either fails with a {@link UserKitException} (a typed
 * code) and leaves the users, sessions, roles and devices exactly as they were, or succeeds and
 * what the store returns on a fresh read is exactly what the service answered (nothing replaced,
 * truncated or renumbered by a store). Any other exception fails the test. Each entry point's
 * display name gives its number of inputs.
 *
 * <p>If a test fails, the dynamic test names the entry point and the input: check that the
 * store binds every value as a parameter and never builds query text from it (SEC-22), and that
 * it keeps text exactly (no normalisation, no replacement characters, no column shorter than
 * the caps).
 */
public abstract class HostileInputTests extends StoreFixture {
    private static final String PASSWORD = "granite otters sing at midnight";
    private static final String PHONE = "+4915112345678";
    private static final List<String> STRINGS = HostileInputs.strings();
    private static final List<Object> JSON = HostileInputs.jsonValues();

    /** The world an entry point runs in: alice with a phone and a live session, a role, a kit. */
    private final class World {
        final UserKit kit;
        final UserKit devices;
        final UserId alice;
        final String token;
        final AtomicInteger serial = new AtomicInteger();

        World() {
            stores = emptyStores();
            UserKitConfig cfg = config().passwordHashing(PasswordHashing.insecureForTestsOnly()).activateOnSignup(true)
                    .loginFailureLimit(1_000_000).addressFailureLimit(1_000_000).sendLimit(1_000_000).build();
            kit = kitBuilder(cfg).build();
            devices = kitBuilder(cfg.toBuilder().deviceControl(true).build()).build();
            alice = kit.accounts().register(NewUser.builder("alice", "alice@example.com").password(PASSWORD).phone(PHONE)
                    .build(), ClientContext.NONE).userId();
            token = kit.sessions().login("alice", PASSWORD, ClientContext.NONE).token();
            kit.access().createRole("staff", "");
        }

        String email() {
            return "u" + serial.incrementAndGet() + "@example.org";
        }

        String name() {
            return "u" + serial.incrementAndGet();
        }

        /**
         * Users, sessions, roles and (unless the entry point may record them) devices as the stores
         * hold them. Attempt counters and codes are left out: recording an attempt is what a
         * rejected login or code exists to do.
         */
        List<Object> snapshot(EntryPoint point) {
            List<UserRecord> users = stores.users().list(UserQuery.firstPage(1000));
            List<Object> all = new ArrayList<>(users);
            all.addAll(stores.sessions().list(new SessionFilter(null, null, null, null), null, 1000));
            all.addAll(stores.roles().list());
            if (!point.recordsDevices()) {
                for (UserRecord u : users) all.addAll(stores.devices().list(u.user().id(), false));
            }
            return all;
        }

        /** Fails unless the store gives back exactly the user the service answered. */
        void storedAsAnswered(User answered) {
            assertThat(stores.users().findById(answered.id()).map(UserRecord::user)).contains(answered);
        }

        void storedAsAnswered(UserId id) {
            storedAsAnswered(kit.accounts().findById(id).orElseThrow());
        }
    }

    /**
     * One entry point: a call with the hostile input, which also checks what a success must
     * satisfy; {@code recordsDevices} when a refusal may record a device (D1, allowed by SECURITY.md).
     */
    private record EntryPoint(String name, Call call, boolean recordsDevices) {
        EntryPoint(String name, Call call) {
            this(name, call, false);
        }
    }

    @FunctionalInterface
    private interface Call {
        void run(World w, Object input) throws Exception;
    }

    @TestFactory
    @DisplayName("SEC-29 SEC-22 SEC-23 [required] the hostile corpus through every public entry point: a typed code, or stored and returned as canonicalised; a rejection changes nothing")
    Stream<DynamicTest> corpus() {
        return entryPoints().stream().map(p -> DynamicTest.dynamicTest(
                "SEC-29 corpus: " + p.name() + " (" + inputsOf(p).size() + " inputs)", () -> run(p)));
    }

    private static List<Object> inputsOf(EntryPoint point) {
        return point.name().startsWith("json ") ? JSON : new ArrayList<>(STRINGS);
    }

    private void run(EntryPoint point) {
        World w = new World();
        List<Object> inputs = inputsOf(point);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Object input = inputs.get(i);
            List<Object> before = w.snapshot(point);
            try {
                point.call().run(w, input);
            } catch (UserKitException typed) {
                if (typed.code() == null) failures.add(i + " " + HostileInputs.describe(input) + ": no code");
                else if (!w.snapshot(point).equals(before)) {
                    failures.add(i + " " + HostileInputs.describe(input) + ": rejected with " + typed.code() + " but the store changed");
                }
            } catch (AssertionError wrong) {
                failures.add(i + " " + HostileInputs.describe(input) + ": " + wrong.getMessage());
            } catch (Exception | StackOverflowError unexpected) {
                failures.add(i + " " + HostileInputs.describe(input) + ": " + unexpected);
            }
        }
        assertThat(failures).as("inputs (index, input: what happened) through " + point.name()).isEmpty();
    }

    private static List<EntryPoint> entryPoints() {
        List<EntryPoint> p = new ArrayList<>();
        // registration, each field
        p.add(new EntryPoint("register username", (w, in) -> w.storedAsAnswered(w.kit.accounts().register(
                NewUser.builder((String) in, w.email()).password(PASSWORD).build(), ClientContext.NONE).userId())));
        p.add(new EntryPoint("register email", (w, in) -> w.storedAsAnswered(w.kit.accounts().register(
                NewUser.builder(w.name(), (String) in).password(PASSWORD).build(), ClientContext.NONE).userId())));
        p.add(new EntryPoint("register password", (w, in) -> w.storedAsAnswered(w.kit.accounts().register(
                NewUser.builder(w.name(), w.email()).password((String) in).build(), ClientContext.NONE).userId())));
        p.add(new EntryPoint("register phone", (w, in) -> w.storedAsAnswered(w.kit.accounts().register(
                NewUser.builder(w.name(), w.email()).password(PASSWORD).phone((String) in).build(), ClientContext.NONE).userId())));
        p.add(new EntryPoint("register profile", (w, in) -> w.storedAsAnswered(w.kit.accounts().register(
                NewUser.builder(w.name(), w.email()).password(PASSWORD).profile(Profile.builder().firstName((String) in)
                        .lastName("x").address((String) in).additionalInfo((String) in).build())
                        .build(), ClientContext.NONE).userId())));
        p.add(new EntryPoint("register metadata key", (w, in) -> w.storedAsAnswered(w.kit.accounts().register(
                NewUser.builder(w.name(), w.email()).password(PASSWORD).metadata(Map.of((String) in, 1)).build(),
                ClientContext.NONE).userId())));
        p.add(new EntryPoint("register metadata value", (w, in) -> w.storedAsAnswered(w.kit.accounts().register(
                NewUser.builder(w.name(), w.email()).password(PASSWORD).metadata(Map.of("k", in)).build(),
                ClientContext.NONE).userId())));
        // login and sessions
        p.add(new EntryPoint("login identifier", (w, in) -> w.kit.sessions().login((String) in, PASSWORD, ClientContext.NONE)));
        p.add(new EntryPoint("login password", (w, in) -> w.kit.sessions().login("alice", (String) in, ClientContext.NONE)));
        p.add(new EntryPoint("login session data key", (w, in) -> w.kit.sessions().login("alice", PASSWORD, ClientContext.NONE,
                Map.of((String) in, "v"))));
        p.add(new EntryPoint("login session data value", (w, in) -> w.kit.sessions().login("alice", PASSWORD, ClientContext.NONE,
                Map.of("k", in))));
        p.add(new EntryPoint("login known-client token", (w, in) -> w.kit.sessions().login("alice", PASSWORD,
                ClientContext.NONE.withKnownClientToken((String) in))));
        p.add(new EntryPoint("login address", (w, in) -> w.kit.sessions().login("alice", PASSWORD, ClientContext.fromAddress((String) in))));
        p.add(new EntryPoint("validate token", (w, in) -> w.kit.sessions().validate((String) in)));
        p.add(new EntryPoint("rotate token", (w, in) -> w.kit.sessions().rotate((String) in)));
        p.add(new EntryPoint("logout token", (w, in) -> w.kit.sessions().logout((String) in)));
        p.add(new EntryPoint("reauthenticate password", (w, in) -> w.kit.sessions().reauthenticate(w.token, (String) in)));
        p.add(new EntryPoint("anonymous session data", (w, in) -> w.kit.sessions().startAnonymous(Map.of((String) in, (String) in))));
        // lookups
        p.add(new EntryPoint("find", (w, in) -> assertNobody(w.kit.accounts().find((String) in), in)));
        p.add(new EntryPoint("findByUsername", (w, in) -> assertNobody(w.kit.accounts().findByUsername((String) in), in)));
        p.add(new EntryPoint("findByEmail", (w, in) -> assertNobody(w.kit.accounts().findByEmail((String) in), in)));
        p.add(new EntryPoint("delete by name or email", (w, in) -> {
            w.kit.accounts().delete((String) in);
            throw new AssertionError("deleted somebody");
        }));
        // changes
        p.add(new EntryPoint("adminChangeUsername", (w, in) -> w.storedAsAnswered(w.kit.accounts().adminChangeUsername(w.alice, (String) in))));
        p.add(new EntryPoint("changeUsername", (w, in) -> w.storedAsAnswered(w.kit.accounts().changeUsername(w.alice, PASSWORD, (String) in))));
        p.add(new EntryPoint("requestEmailChange", (w, in) -> w.kit.accounts().requestEmailChange(w.alice, PASSWORD, (String) in)));
        p.add(new EntryPoint("adminSetPassword", (w, in) -> w.kit.accounts().adminSetPassword(w.alice, (String) in)));
        p.add(new EntryPoint("updateProfile", (w, in) -> w.storedAsAnswered(w.kit.accounts().updateProfile(w.alice,
                Profile.builder().firstName((String) in).lastName((String) in).address((String) in)
                        .additionalInfo((String) in).build()))));
        p.add(new EntryPoint("setMetadataField name", (w, in) -> w.storedAsAnswered(w.kit.accounts().setMetadataField(w.alice, (String) in, "v"))));
        p.add(new EntryPoint("setMetadataField value", (w, in) -> w.storedAsAnswered(w.kit.accounts().setMetadataField(w.alice, "k", in))));
        p.add(new EntryPoint("listByMetadata name", (w, in) -> w.kit.accounts().listByMetadata((String) in, "v", null, 10)));
        p.add(new EntryPoint("listByMetadata value", (w, in) -> w.kit.accounts().listByMetadata("k", in, null, 10)));
        // roles, permissions, authorisation
        p.add(new EntryPoint("createRole", (w, in) -> w.kit.access().createRole((String) in, "")));
        p.add(new EntryPoint("describeRole", (w, in) -> w.kit.access().describeRole("staff", (String) in)));
        p.add(new EntryPoint("renameRole", (w, in) -> w.kit.access().renameRole("staff", (String) in)));
        p.add(new EntryPoint("permission name", (w, in) -> w.kit.access().addPermission("staff",
                new Permission((String) in, "/api/" + w.name(), Set.of(Verb.GET)))));
        p.add(new EntryPoint("permission pattern", (w, in) -> w.kit.access().addPermission("staff",
                new Permission(w.name(), (String) in, Set.of(Verb.GET)))));
        p.add(new EntryPoint("grant role name", (w, in) -> w.kit.access().grant(w.alice, (String) in)));
        p.add(new EntryPoint("listByRole", (w, in) -> w.kit.accounts().listByRole((String) in, null, 10)));
        p.add(new EntryPoint("authorize path", (w, in) -> w.kit.access().authorize(w.token, Verb.GET, (String) in)));
        // codes and recovery
        p.add(new EntryPoint("verifyEmail code", (w, in) -> w.kit.accounts().verifyEmail((String) in)));
        p.add(new EntryPoint("confirmEmailChange code", (w, in) -> w.kit.accounts().confirmEmailChange((String) in)));
        p.add(new EntryPoint("resetPassword code", (w, in) -> w.kit.recovery().resetPassword((String) in, "fresh granite otters at dawn")));
        p.add(new EntryPoint("resetPasswordByPhone code", (w, in) -> w.kit.recovery().resetPasswordByPhone(PHONE, (String) in,
                "fresh granite otters at dawn")));
        p.add(new EntryPoint("resetPasswordByPhone number", (w, in) -> w.kit.recovery().resetPasswordByPhone((String) in, "123456",
                "fresh granite otters at dawn")));
        p.add(new EntryPoint("requestPasswordReset", (w, in) -> w.kit.recovery().requestPasswordReset((String) in, ClientContext.NONE)));
        p.add(new EntryPoint("requestUsernameReminder", (w, in) -> w.kit.recovery().requestUsernameReminder((String) in, ClientContext.NONE)));
        p.add(new EntryPoint("requestPasswordResetByPhone", (w, in) -> w.kit.recovery().requestPasswordResetByPhone((String) in,
                ClientContext.NONE)));
        p.add(new EntryPoint("resendVerification", (w, in) -> w.kit.accounts().resendVerification((String) in, ClientContext.NONE)));
        // devices (D1): a correct password from an unknown device records it, which a rejection may do
        p.add(new EntryPoint("device token", (w, in) -> w.devices.sessions().login("alice", PASSWORD,
                ClientContext.NONE.withDeviceToken((String) in)), true));
        // hostile JSON values
        p.add(new EntryPoint("json register metadata", (w, in) -> w.storedAsAnswered(w.kit.accounts().register(
                NewUser.builder(w.name(), w.email()).password(PASSWORD).metadata(Map.of("k", in)).build(), ClientContext.NONE).userId())));
        p.add(new EntryPoint("json replaceMetadata", (w, in) -> w.storedAsAnswered(w.kit.accounts().replaceMetadata(w.alice, Map.of("k", in)))));
        p.add(new EntryPoint("json setMetadataField", (w, in) -> w.storedAsAnswered(w.kit.accounts().setMetadataField(w.alice, "k", in))));
        p.add(new EntryPoint("json listByMetadata", (w, in) -> w.kit.accounts().listByMetadata("k", in, null, 10)));
        p.add(new EntryPoint("json login session data", (w, in) -> w.kit.sessions().login("alice", PASSWORD, ClientContext.NONE, Map.of("k", in))));
        p.add(new EntryPoint("json anonymous session data", (w, in) -> w.kit.sessions().startAnonymous(Map.of("k", in))));
        return p;
    }

    // the corpus names no existing account exactly: finding one means a look-alike matched
    private static void assertNobody(Optional<User> found, Object input) {
        if (found.isPresent()) throw new AssertionError("found " + found.get().username() + " for " + HostileInputs.describe(input));
    }
}
