package dev.userkit.demo;

import dev.userkit.ClientContext;
import dev.userkit.KeyRing;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.UserKitException;
import dev.userkit.access.Decision;
import dev.userkit.accounts.BootstrapResult;
import dev.userkit.accounts.NewUser;
import dev.userkit.accounts.Registration;
import dev.userkit.domain.Device;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Profile;
import dev.userkit.domain.Session;
import dev.userkit.domain.User;
import dev.userkit.domain.Verb;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.outbox.DeliveryReport;
import dev.userkit.sessions.LoginResult;
import dev.userkit.sessions.Validation;
import dev.userkit.spi.Stores;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * A guided tour of UserKit's whole lifecycle on the embedded in-memory store, printed as it goes.
 * Run it with the README's demo command; it exits 0 when every step behaved as described.
 */
public final class Tour {
    private static final String ALICE_PASSWORD = "amber lantern over quiet harbour";
    private static final String ALICE_NEW_PASSWORD = "violet umbrella under moonlight";
    private static final String ALICE_RESET_PASSWORD = "seven quiet otters paddle home";
    private static final ClientContext LAPTOP = new ClientContext("203.0.113.7", null, "Firefox on a laptop");
    private static final ClientContext PHONE = new ClientContext("198.51.100.20", null, "Safari on a phone");

    private final PrintStream out;
    private final TourClock clock = new TourClock();
    private final PrintingMailer mailer;
    private final Stores stores = InMemoryStores.create();
    // A real application loads its server keys from a secret store; the tour makes one up.
    private final UserKitConfig.Builder config = UserKitConfig.builder().keyRing(KeyRing.of(Map.of(1, randomKey()), 1));
    private final UserKit kit;
    private int step;

    Tour(PrintStream out) {
        this.out = out;
        this.mailer = new PrintingMailer(out);
        this.kit = UserKit.builder().stores(stores).clock(clock).mailer(mailer).config(config.build()).build();
    }

    /** Runs the tour on standard output. */
    public static void main(String[] args) {
        new Tour(System.out).run();
    }

    void run() {
        out.println("UserKit tour: the whole lifecycle on the embedded in-memory store.");
        out.println("Passwords are hashed with Argon2id at production cost, so some steps take a moment.");

        step("Bootstrap: create the root user and a full-access admin role (idempotent)");
        BootstrapResult root = kit.bootstrap().ensureRoot("root", "root@example.com", null);
        say("root user %s created=%s, generated password of %d characters", root.rootId(), root.created(), root.password().length());
        say("second call created=%s", kit.bootstrap().ensureRoot("root", "root@example.com", null).created());

        step("Register alice: she starts PENDING and a verification code is mailed");
        Registration reg = kit.accounts().register(NewUser.builder("Alice", "Alice@Example.com").password(ALICE_PASSWORD)
                .profile(Profile.builder().firstName("Alice").lastName("Liddell").build()).metadata(Map.of("plan", "pro"))
                .build(), LAPTOP);
        User alice = kit.accounts().findById(reg.userId()).orElseThrow();
        say("user %s, username '%s', email '%s', status %s", alice.id(), alice.username(), alice.email(), alice.status());

        step("Login before verifying: told PENDING only because the password was right");
        expectFailure(() -> kit.sessions().login("alice", ALICE_PASSWORD, LAPTOP));
        expectFailure(() -> kit.sessions().login("alice", "not the right password at all", LAPTOP));

        step("Verify the email with the mailed code");
        User verified = kit.accounts().verifyEmail(reg.verificationCode());
        say("status is now %s", verified.status());

        step("Login by email, any case; the token is opaque and only its SHA-256 is stored");
        LoginResult laptop = kit.sessions().login("ALICE@example.com", ALICE_PASSWORD, LAPTOP, Map.of("locale", "en-GB"));
        say("token %s... (%d chars), session %s, data %s", laptop.token().substring(0, 8), laptop.token().length(),
                laptop.session().id(), laptop.session().data());

        step("Validate the token");
        Validation v = kit.sessions().validate(laptop.token());
        say("session of %s, idle expiry %s, absolute expiry %s", v.user().map(User::username).orElseThrow(),
                v.session().idleExpiresAt(), v.session().absoluteExpiresAt());

        step("Sliding expiry: activity after 20 h extends the 24 h idle timeout; 25 h of silence ends it");
        clock.advance(Duration.ofHours(20));
        say("after 20 h: idle expiry moved to %s", kit.sessions().validate(laptop.token()).session().idleExpiresAt());
        clock.advance(Duration.ofHours(25));
        expectFailure(() -> kit.sessions().validate(laptop.token()));

        step("Change the password from the laptop: the phone's session is revoked, the laptop's kept");
        LoginResult onLaptop = kit.sessions().login("alice", ALICE_PASSWORD, LAPTOP);
        LoginResult onPhone = kit.sessions().login("alice", ALICE_PASSWORD, PHONE);
        kit.accounts().changePassword(alice.id(), ALICE_PASSWORD, ALICE_NEW_PASSWORD, onLaptop.session().id());
        say("laptop still valid: %s", kit.sessions().validate(onLaptop.token()).session().id());
        expectFailure(() -> kit.sessions().validate(onPhone.token()));

        step("Forgot password: a reset code is queued in the outbox (an unknown address gets the very same answer and a decoy)");
        kit.recovery().requestPasswordReset("alice@example.com", PHONE);
        kit.recovery().requestPasswordReset("nobody@example.com", PHONE);
        say("queued, encrypted, not yet sent: %s", kit.outbox().pending(10).stream().map(e -> e.kind() + " " + e.state()).toList());
        DeliveryReport delivered = kit.outbox().deliverPending();
        say("one sender pass: %d delivered (the decoy dropped unsent), %d failed, %d dead", delivered.delivered(), delivered.failed(),
                delivered.dead());
        String resetCode = mailer.lastCode();
        kit.recovery().resetPassword(resetCode, ALICE_RESET_PASSWORD);
        say("password reset; every session revoked, so the laptop must log in again");
        expectFailure(() -> kit.sessions().validate(onLaptop.token()));
        expectFailure(() -> kit.recovery().resetPassword(resetCode, ALICE_RESET_PASSWORD));
        LoginResult afterReset = kit.sessions().login("alice", ALICE_RESET_PASSWORD, LAPTOP);

        step("Roles: an 'editor' role may GET and POST under /articles/**; roles are read live");
        kit.access().createRole("editor", "Writes articles");
        kit.access().addPermission("editor", new Permission("articles", "/articles/**", EnumSet.of(Verb.GET, Verb.POST)));
        authorize(afterReset.token(), Verb.GET, "/articles/42");
        kit.access().grant(alice.id(), "editor");
        authorize(afterReset.token(), Verb.GET, "/articles/42");
        authorize(afterReset.token(), Verb.POST, "/articles/42/comments");
        authorize(afterReset.token(), Verb.DELETE, "/articles/42");
        authorize(afterReset.token(), Verb.GET, "/articles/../admin");
        authorize("no-such-token", Verb.GET, "/articles/42");
        kit.access().revoke(alice.id(), "editor");
        authorize(afterReset.token(), Verb.GET, "/articles/42");

        step("Device control: an unknown device is recorded, refused, then permitted by an admin");
        UserKit guarded = UserKit.builder().stores(stores).clock(clock).mailer(mailer)
                .config(config.deviceControl(true).build()).build();
        ClientContext tablet = new ClientContext("192.0.2.5", "tablet-device-secret-0123456789abcdef", "Tablet");
        expectFailure(() -> guarded.sessions().login("alice", ALICE_RESET_PASSWORD, tablet));
        Device device = guarded.devices().list(alice.id()).get(0);
        say("device %s permitted=%s", device.id(), device.permitted());
        guarded.devices().permit(device.id());
        say("after permit: login gives session %s", guarded.sessions().login("alice", ALICE_RESET_PASSWORD, tablet).session().id());

        step("Admin listing: users and live sessions");
        for (User u : kit.accounts().list(null, 10)) {
            say("user %-6s %-20s %-7s admin=%s", u.username(), u.email(), u.status(), u.admin());
        }
        List<Session> live = kit.sessions().list(alice.id(), false, null, 10);
        say("alice has %d session(s)", live.size());

        step("Logout ends the session on the server");
        kit.sessions().logout(afterReset.token());
        expectFailure(() -> kit.sessions().validate(afterReset.token()));

        step("Purge: two days later every remaining session has expired; the purge removes them in batches");
        clock.advance(Duration.ofDays(2));
        say("expired sessions purged: %d; sessions left: %d", kit.sessions().purgeExpired(),
                kit.sessions().list(null, false, null, 100).size());

        out.println();
        out.println("Tour complete.");
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private void authorize(String token, Verb verb, String path) {
        Decision d = kit.access().authorize(token, verb, path);
        say("%-7s %-24s -> %s", verb, path, d);
    }

    private void expectFailure(Runnable call) {
        try {
            call.run();
        } catch (UserKitException e) {
            say("refused: %d %s (%s)", e.code().number(), e.code(), e.getMessage());
            return;
        }
        throw new IllegalStateException("the tour expected this step to be refused");
    }

    private void step(String title) {
        out.println();
        out.printf("%2d. %s%n", ++step, title);
    }

    private void say(String format, Object... args) {
        out.println("    " + String.format(format, args));
    }
}
