package dev.userkit.testkit.features;

import dev.userkit.spi.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.ErrorCode;
import dev.userkit.PasswordHashing;
import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.accounts.NewUser;
import dev.userkit.crypto.Secrets;
import dev.userkit.domain.Device;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.Session;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import dev.userkit.hooks.UserKitEvent;
import dev.userkit.passwords.PasswordHasher;
import dev.userkit.spi.DeviceRecord;
import dev.userkit.spi.MailMessage;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SmsMessage;
import dev.userkit.testkit.Fixtures;
import dev.userkit.testkit.StoreFixture;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Shared helpers of the account, recovery, password and bootstrap feature tests: sample users,
 * sessions and devices put straight into the stores (so these tests need no login), password
 * checks against the stored hash, mailed codes and recorded events.
 */
public abstract class IdentityFixture extends StoreFixture {
    /** A password that passes the default policy. */
    protected static final String PASSWORD = "purple tractors dream of oceans";
    /** Another one. */
    protected static final String NEW_PASSWORD = "seven quiet lanterns over harbour";
    private static final PasswordHasher CHECKER = new PasswordHasher(PasswordHashing.PRODUCTION, 2);

    /** Events heard by kits built with {@link #listening()}. */
    protected final List<UserKitEvent> events = new CopyOnWriteArrayList<>();

    /**
     * A kit builder over the fixture that records events into {@link #events}.
     *
     * @return the builder
     */
    protected UserKit.Builder listening() {
        return kitBuilder(config().build()).listener(events::add);
    }

    /**
     * A new user named {@code name} with {@code name@example.org} and {@link #PASSWORD}.
     *
     * @param name the username
     * @return the new-user value
     */
    protected static NewUser user(String name) {
        return NewUser.builder(name, name + "@example.org").password(PASSWORD).build();
    }

    /**
     * Asserts that the call fails with a {@link UserKitException} of this code.
     *
     * @param code the expected code
     * @param call the call that must fail
     */
    protected static void assertCode(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(UserKitException.class)
                .extracting(e -> ((UserKitException) e).code()).isEqualTo(code);
    }

    /**
     * Whether the stored hash of the user verifies this password.
     *
     * @param id the user's id
     * @param password the password to check
     * @return true if it verifies
     */
    protected boolean passwordIs(UserId id, String password) {
        return CHECKER.verify(password, stores.users().findById(id).orElseThrow().passwordHash()).matches();
    }

    /**
     * Puts a live session of the user straight into the session store.
     *
     * @param user the owner
     * @return the session's id
     */
    protected SessionId addSession(UserId user) {
        Instant now = clock.instant();
        Session s = Fixtures.aSession(user, now).data(Map.of("locale", "en")).build();
        stores.sessions().insert(Fixtures.record(s));
        return s.id();
    }

    /**
     * Puts a permitted device of the user straight into the device store.
     *
     * @param user the owner
     */
    protected void addDevice(UserId user) {
        Instant now = clock.instant();
        stores.devices().insert(new DeviceRecord(new Device(IdGenerator.deviceId(), user, true, "test-agent", now, now),
                Secrets.sha256(Secrets.newToken())));
    }

    /**
     * The ids of the user's sessions in the store.
     *
     * @param user the owner
     * @return the session ids
     */
    protected List<SessionId> sessionsOf(UserId user) {
        return stores.sessions().list(SessionFilter.ofUser(user), null, 1000).stream().map(r -> r.session().id()).toList();
    }

    /**
     * Mails of this kind sent to the address, after delivering what was queued.
     *
     * @param address the recipient
     * @param kind the kind of mail
     * @return the mails, oldest first
     */
    protected List<MailMessage> mailsTo(String address, MessageKind kind) {
        return mailSent().stream().filter(m -> m.to().equalsIgnoreCase(address) && m.kind() == kind).toList();
    }

    /**
     * The code of the newest mail of this kind to the address, after delivering what was queued:
     * the message's structured code, never parsed out of its body.
     *
     * @param address the recipient
     * @param kind the kind of mail
     * @return the code
     */
    protected String codeMailedTo(String address, MessageKind kind) {
        assertThat(mailsTo(address, kind)).as("mail %s to %s", kind, address).isNotEmpty();
        return mailer.latestCode(address, kind).orElseThrow();
    }

    /**
     * The short code of the newest text message, after delivering what was queued.
     *
     * @return the code
     */
    protected String codeTexted() {
        List<SmsMessage> texts = textsSent();
        assertThat(texts).isNotEmpty();
        return texts.get(texts.size() - 1).code();
    }

    /**
     * The types of the recorded events, in order.
     *
     * @return the event types
     */
    protected List<UserKitEvent.Type> eventTypes() {
        return events.stream().map(UserKitEvent::type).toList();
    }
}
