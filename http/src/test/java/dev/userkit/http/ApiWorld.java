package dev.userkit.http;

import dev.userkit.ClientContext;
import dev.userkit.PasswordHashing;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.accounts.NewUser;
import dev.userkit.domain.Permission;
import dev.userkit.domain.UserId;
import dev.userkit.domain.Verb;
import dev.userkit.spi.MessageKind;
import dev.userkit.spi.Stores;
import dev.userkit.testkit.MutableClock;
import dev.userkit.testkit.RecordingMailer;
import dev.userkit.testkit.RecordingSmsSender;
import dev.userkit.testkit.TestKeys;
import jakarta.servlet.ServletContainerInitializer;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application umpack's API tests run against: one kit over the given stores with a recording
 * mailer and SMS sender, mounted at the root context with the default base path {@code /um}. The
 * role {@code admin} may call every API route; {@code viewer} may only read users
 * ({@code GET /um/users} and {@code GET /um/users/*}), so that a route it lacks is a 403.
 */
final class ApiWorld {
    static final String PASSWORD = "granite otters sing at midnight";
    static final int LOGIN_LIMIT = 3;
    static final int MAX_BODY = 4_096;

    final MutableClock clock = MutableClock.standard();
    final RecordingMailer mailer = new RecordingMailer();
    final RecordingSmsSender sms = new RecordingSmsSender();
    final UserKit kit;
    private final AtomicInteger names = new AtomicInteger();

    ApiWorld(Stores stores) {
        UserKitConfig cfg = UserKitConfig.builder().keyRing(TestKeys.RING).passwordHashing(PasswordHashing.insecureForTestsOnly())
                .activateOnSignup(true).loginFailureLimit(LOGIN_LIMIT).addressFailureLimit(1_000_000).build();
        kit = UserKit.builder().stores(stores).config(cfg).clock(clock).mailer(mailer).sms(sms).build();
        kit.access().createRole("admin", "");
        kit.access().addPermission("admin", new Permission("api", "/um/**", EnumSet.allOf(Verb.class)));
        kit.access().createRole("viewer", "");
        kit.access().addPermission("viewer", new Permission("list", "/um/users", Set.of(Verb.GET)));
        kit.access().addPermission("viewer", new Permission("read", "/um/users/*", Set.of(Verb.GET)));
    }

    /** The web application: the API and the filters with the default settings but a small body cap. */
    Map<String, ServletContainerInitializer> contexts() {
        HttpSettings settings = HttpSettings.builder().maxBodyBytes(MAX_BODY).build();
        return Map.of("", (classes, context) -> UserKitHttp.create(kit, settings).mount(context));
    }

    /** A name no other test uses, so that tests sharing the stores stay independent. */
    String fresh(String prefix) {
        return prefix + names.incrementAndGet();
    }

    /** Registers an active user with {@link #PASSWORD} and {@code name@example.com}. */
    UserId user(String name) {
        return kit.accounts().register(NewUser.builder(name, name + "@example.com").password(PASSWORD).build(), ClientContext.NONE).userId();
    }

    /** Registers an active user with a phone number. */
    UserId userWithPhone(String name, String phone) {
        return kit.accounts().register(NewUser.builder(name, name + "@example.com").password(PASSWORD).phone(phone).build(),
                ClientContext.NONE).userId();
    }

    /** A session token of a new user holding this role (or none for null). */
    String loginWithRole(String role) {
        String name = fresh(role == null ? "plain" : role);
        UserId id = user(name);
        if (role != null) kit.access().grant(id, role);
        return kit.sessions().login(name, PASSWORD, ClientContext.NONE).token();
    }

    /** Delivers what was queued and answers the newest code mailed to this address. */
    String mailedCode(String address, MessageKind kind) {
        kit.outbox().deliverPending();
        return mailer.latestCode(address, kind).orElseThrow(() -> new AssertionError("no " + kind + " mail to " + address));
    }

    /** Delivers what was queued and answers the newest code texted to this number. */
    String textedCode(String phone) {
        kit.outbox().deliverPending();
        return sms.latestCode(phone).orElseThrow(() -> new AssertionError("no text to " + phone));
    }
}
