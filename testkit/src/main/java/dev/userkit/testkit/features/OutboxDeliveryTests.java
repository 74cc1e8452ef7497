package dev.userkit.testkit.features;

import static dev.userkit.testkit.FaultyPorts.failing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.KeyRing;
import dev.userkit.OutboxSettings;
import dev.userkit.StoreException;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.UserKitException;
import dev.userkit.accounts.NewUser;
import dev.userkit.accounts.Registration;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.outbox.DeliveryReport;
import dev.userkit.outbox.OutboxEntry;
import dev.userkit.spi.MailMessage;
import dev.userkit.spi.Mailer;
import dev.userkit.spi.MessageKind;
import dev.userkit.spi.OutboxRecord;
import dev.userkit.spi.OutboxState;
import dev.userkit.spi.OutboxStore;
import dev.userkit.spi.Stores;
import dev.userkit.testkit.Capability;
import dev.userkit.testkit.Fixtures;
import dev.userkit.testkit.OptionalCapability;
import dev.userkit.testkit.TestKeys;
import dev.userkit.testkit.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The outbox through the real services (M2, REL-8, SEC-12, SEC-31, A15, C6): messages are recorded
 * in the request and delivered by senders, on every store.
 */
public abstract class OutboxDeliveryTests extends IdentityFixture {
    private static final int MESSAGES = 200;

    /** A mailer that fails while it is down, passing mail to the fixture's recording mailer once it is up. */
    private final class SwitchableMailer implements Mailer {
        private final AtomicInteger failuresLeft;
        private final AtomicInteger calls = new AtomicInteger();

        SwitchableMailer(int failures) {
            failuresLeft = new AtomicInteger(failures);
        }

        @Override
        public void send(MailMessage message) {
            calls.incrementAndGet();
            if (failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0) throw new IllegalStateException("mail server refused the connection");
            mailer.send(message);
        }
    }

    private UserKit kitWith(Mailer m, OutboxSettings outbox) {
        return kitBuilder(config().outbox(outbox).build()).mailer(m).build();
    }

    private void activeUser(String name) {
        TestUsers.insert(stores, Fixtures.PASSWORD_HASH, name, name + "@example.org", UserStatus.ACTIVE, false, Map.of());
    }

    private List<OutboxRecord> outboxRows() {
        List<OutboxRecord> rows = new ArrayList<>();
        for (OutboxState state : OutboxState.values()) rows.addAll(stores.outbox().findByState(state, 1000));
        return rows;
    }

    @Test
    @DisplayName("REL-8 [required] two senders on one store deliver each of 200 queued messages exactly once")
    void twoSendersDeliverEachMessageOnce() throws Exception {
        for (int i = 0; i < MESSAGES; i++) activeUser("u" + i);
        UserKit requests = kit();
        for (int i = 0; i < MESSAGES; i++) requests.recovery().requestPasswordReset("u" + i + "@example.org", null);
        assertThat(mailer.sent()).as("nothing is sent inside a request").isEmpty();
        UserKit first = kit();
        UserKit second = kit();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<DeliveryReport>> senders = List.of(() -> first.outbox().deliverPending(), () -> second.outbox().deliverPending());
            int delivered = 0;
            for (Future<DeliveryReport> f : pool.invokeAll(senders)) delivered += f.get().delivered();
            assertThat(delivered).isEqualTo(MESSAGES);
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> perId = mailer.sent().stream().collect(Collectors.groupingBy(MailMessage::id, Collectors.counting()));
        assertThat(perId).hasSize(MESSAGES).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));
        assertThat(mailer.sent()).extracting(MailMessage::to).doesNotHaveDuplicates();
        assertThat(requests.outbox().pending(10)).isEmpty();
    }

    @Test
    @DisplayName("REL-8 [required] a mailer that always fails ends the message DEAD with its error after the last attempt; retry delivers it")
    void failingMailerEndsDeadAndRetryDelivers() {
        activeUser("dora");
        SwitchableMailer down = new SwitchableMailer(Integer.MAX_VALUE);
        // short delays, so that the code is still valid when the message is retried
        OutboxSettings three = OutboxSettings.builder().maxAttempts(3).firstRetryDelay(Duration.ofSeconds(1))
                .maxRetryDelay(Duration.ofSeconds(2)).build();
        UserKit kit = kitWith(down, three);
        kit.recovery().requestPasswordReset("dora@example.org", null);
        List<DeliveryReport> passes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            passes.add(kit.outbox().deliverPending());
            clock.advance(three.maxRetryDelay());
        }
        assertThat(passes).containsExactly(new DeliveryReport(0, 1, 0), new DeliveryReport(0, 1, 0), new DeliveryReport(0, 0, 1));
        assertThat(kit.outbox().deliverPending()).isEqualTo(new DeliveryReport(0, 0, 0));
        assertThat(down.calls).hasValue(3);
        OutboxEntry dead = kit.outbox().dead(10).get(0);
        assertThat(kit.outbox().dead(10)).hasSize(1);
        assertThat(dead.kind()).isEqualTo(MessageKind.PASSWORD_RESET);
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.lastError()).isEqualTo("java.lang.IllegalStateException: mail server refused the connection");
        assertThat(kit.outbox().pending(10)).isEmpty();

        UserKit repaired = kitWith(mailer, three);
        assertThat(repaired.outbox().retry(dead.id())).isTrue();
        assertThat(repaired.outbox().deliverPending()).isEqualTo(new DeliveryReport(1, 0, 0));
        assertThat(repaired.outbox().dead(10)).isEmpty();
        assertThat(mailer.sent()).singleElement().satisfies(m -> assertThat(m.id()).isEqualTo(dead.id()));
        repaired.recovery().resetPassword(mailer.latestCode("dora@example.org", MessageKind.PASSWORD_RESET).orElseThrow(), NEW_PASSWORD);
    }

    @Test
    @DisplayName("REL-8 [required] a mailer that fails once is retried after the back-off, not before, and the message delivered")
    void failureIsRetriedAfterTheBackoff() {
        activeUser("emil");
        OutboxSettings settings = OutboxSettings.DEFAULTS;
        UserKit kit = kitWith(new SwitchableMailer(1), settings);
        kit.recovery().requestPasswordReset("emil@example.org", null);
        assertThat(kit.outbox().deliverPending()).isEqualTo(new DeliveryReport(0, 1, 0));
        assertThat(kit.outbox().deliverPending()).as("not due before the back-off").isEqualTo(new DeliveryReport(0, 0, 0));
        assertThat(kit.outbox().pending(10)).singleElement().satisfies(e -> {
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.lastError()).contains("IllegalStateException");
        });
        clock.advance(settings.firstRetryDelay());
        assertThat(kit.outbox().deliverPending()).isEqualTo(new DeliveryReport(1, 0, 0));
        assertThat(mailsTo("emil@example.org", MessageKind.PASSWORD_RESET)).hasSize(1);
    }

    @Test
    @DisplayName("A15 REL-3 [required] a fault between the code and its message leaves no state the user cannot recover from")
    void faultBetweenCodeAndMessageIsRecoverable() {
        Stores faulty = stores.withOutbox(failing(OutboxStore.class, stores.outbox(), "add"));
        UserKit broken = UserKit.builder().stores(faulty).config(config().build()).clock(clock).mailer(mailer).build();
        assertThatThrownBy(() -> broken.accounts().register(user("fay"), null)).isInstanceOf(StoreException.class);
        assertThat(outboxRows()).isEmpty();
        UserKit kit = kit();
        // a store with transactions rolled the user back; one without kept it, PENDING, with a code and no mail
        if (stores.users().findByEmailKey("fay@example.org").isPresent()) {
            kit.accounts().resendVerification("fay", null);
        } else {
            kit.accounts().register(user("fay"), null);
        }
        assertThat(kit.accounts().verifyEmail(codeMailedTo("fay@example.org", MessageKind.VERIFY_EMAIL)).status())
                .isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    @OptionalCapability(Capability.TRANSACTIONS)
    @DisplayName("A15 REL-3 [optional: supportsTransactions] a fault while queueing the message rolls back the code and the account with it")
    void faultWhileQueueingRollsBack() {
        Stores faulty = stores.withOutbox(failing(OutboxStore.class, stores.outbox(), "add"));
        UserKit broken = UserKit.builder().stores(faulty).config(config().build()).clock(clock).mailer(mailer).build();
        assertThatThrownBy(() -> broken.accounts().register(user("hal"), null)).isInstanceOf(StoreException.class);
        assertThat(stores.users().findByEmailKey("hal@example.org")).as("the account went with the code").isEmpty();
        Registration again = kit().accounts().register(user("hal"), null);
        assertThat(codeMailedTo("hal@example.org", MessageKind.VERIFY_EMAIL)).isEqualTo(again.verificationCode());
    }

    @Test
    @DisplayName("SEC-12 [required] no outbox row holds the code, the link or the recipient, before delivery or after it")
    void outboxRowsHoldNoSecret() {
        activeUser("ida");
        UserKit kit = kitBuilder(config().build()).links((purpose, code) -> "https://app.example/reset?code=" + code).build();
        kit.recovery().requestPasswordReset("ida@example.org", null);
        kit.accounts().register(user("jon"), null);
        List<OutboxRecord> queued = outboxRows();
        assertThat(queued).hasSize(2).allSatisfy(r -> assertThat(r.payload()).isNotNull());
        deliver();
        List<String> secrets = new ArrayList<>();
        for (MailMessage m : mailer.sent()) secrets.addAll(List.of(m.code(), m.link(), m.to()));
        assertThat(secrets).hasSize(6).doesNotContainNull();
        List<OutboxRecord> delivered = outboxRows();
        assertThat(delivered).hasSize(2).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(OutboxState.DELIVERED);
            assertThat(r.payload()).as("payload erased once delivered").isNull();
        });
        for (List<OutboxRecord> dump : List.of(queued, delivered)) {
            String bytes = dumpOf(dump);
            for (String secret : secrets) {
                for (String form : forms(secret)) assertThat(bytes).doesNotContain(form);
            }
        }
    }

    private static String dumpOf(List<OutboxRecord> rows) {
        StringBuilder all = new StringBuilder();
        for (OutboxRecord r : rows) {
            all.append(r.id()).append(r.kind()).append(r.leaseOwner()).append(r.lastError()).append('|');
            if (r.payload() != null) all.append(new String(r.payload(), StandardCharsets.ISO_8859_1));
        }
        return all.toString();
    }

    // raw (as its UTF-8 bytes read one to a char), hex and base64
    private static List<String> forms(String secret) {
        byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
        return List.of(secret, new String(utf8, StandardCharsets.ISO_8859_1), HexFormat.of().formatHex(utf8),
                Base64.getEncoder().encodeToString(utf8), Base64.getUrlEncoder().withoutPadding().encodeToString(utf8));
    }

    @Test
    @DisplayName("SEC-10 SEC-31 [required] a reset for an unknown address adds one outbox row like a known one, and no request calls the mailer")
    void unknownAddressQueuesALookAlike() {
        activeUser("kim");
        SwitchableMailer counting = new SwitchableMailer(0);
        UserKit kit = kitWith(counting, OutboxSettings.DEFAULTS);
        kit.recovery().requestPasswordReset("kim@example.org", null);
        List<OutboxRecord> known = outboxRows();
        kit.recovery().requestPasswordReset("nobody-here@example.org", null);
        List<OutboxRecord> both = outboxRows();
        assertThat(counting.calls).as("mailer calls inside the requests").hasValue(0);
        assertThat(known).hasSize(1);
        assertThat(both).hasSize(2);
        OutboxRecord real = known.get(0);
        OutboxRecord decoy = both.stream().filter(r -> !r.id().equals(real.id())).findFirst().orElseThrow();
        assertThat(decoy.kind()).isEqualTo(real.kind());
        assertThat(decoy.state()).isEqualTo(real.state());
        assertThat(decoy.payload()).hasSameSizeAs(real.payload());
        assertThat(Duration.between(decoy.createdAt(), decoy.expiresAt())).isEqualTo(Duration.between(real.createdAt(), real.expiresAt()));
        assertThat(kit.outbox().deliverPending()).isEqualTo(new DeliveryReport(2, 0, 0));
        assertThat(counting.calls).as("the decoy is dropped unsent").hasValue(1);
        assertThat(mailer.sent()).extracting(MailMessage::to).containsExactly("kim@example.org");
    }

    @Test
    @DisplayName("C6 REL-8 [required] the SMS code goes through the outbox: queued in the request, texted by the sender")
    void smsGoesThroughTheOutbox() {
        UserKit kit = kit(config().activateOnSignup(true).build());
        String phone = "+4915112345678";
        kit.accounts().register(NewUser.builder("lea", "lea@example.org").password(PASSWORD).phone(phone).build(), null);
        kit.recovery().requestPasswordResetByPhone(phone, null);
        assertThat(sms.sent()).as("nothing is texted inside the request").isEmpty();
        assertThat(kit.outbox().pending(10)).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo(MessageKind.PASSWORD_RESET_SMS));
        assertThat(kit.outbox().deliverPending()).isEqualTo(new DeliveryReport(1, 0, 0));
        assertThat(sms.sent()).singleElement().satisfies(s -> assertThat(s.text()).contains(s.code()));
        kit.recovery().resetPasswordByPhone(phone, sms.latestCode(phone).orElseThrow(), NEW_PASSWORD);
    }

    @Test
    @DisplayName("SEC-26 SEC-12 [required] a message queued before a key rotation is delivered after it; one that does not decrypt is dead, not a crash")
    void rotationAndTampering() {
        activeUser("max");
        kit().recovery().requestPasswordReset("max@example.org", null);
        byte[] newer = new byte[32];
        java.util.Arrays.fill(newer, (byte) 7);
        Map<Integer, byte[]> keys = new java.util.HashMap<>();
        for (int v : TestKeys.RING.versions()) keys.put(v, TestKeys.RING.key(v));
        int next = TestKeys.RING.currentVersion() + 1;
        keys.put(next, newer);
        UserKitConfig rotated = config().keyRing(KeyRing.of(keys, next)).build();
        String forged = java.util.UUID.randomUUID().toString();
        stores.outbox().add(OutboxRecord.queued(forged, MessageKind.PASSWORD_RESET, new byte[64], clock.instant(),
                clock.instant().plus(Duration.ofMinutes(15))));
        assertThat(kit(rotated).outbox().deliverPending()).isEqualTo(new DeliveryReport(1, 0, 1));
        assertThat(mailsTo("max@example.org", MessageKind.PASSWORD_RESET)).hasSize(1);
        assertThat(kit().outbox().dead(10)).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(forged);
            assertThat(e.lastError()).contains("not in the key ring");
        });
    }

    private List<MessageKind> pendingKinds() {
        return stores.outbox().findByState(OutboxState.PENDING, 1000).stream().map(OutboxRecord::kind).toList();
    }

    @Test
    @DisplayName("A8 [required] an email change queues the code to the new address and a notice to the old one")
    void emailChangeNoticeToTheOldAddress() {
        UserKit kit = kit(config().activateOnSignup(true).build());
        UserId id = kit.accounts().register(user("ned"), null).userId();
        kit.accounts().requestEmailChange(id, PASSWORD, "ned.new@example.org");
        assertThat(pendingKinds()).containsExactlyInAnyOrder(MessageKind.CHANGE_EMAIL, MessageKind.EMAIL_CHANGE_NOTICE);
        assertThat(mailsTo("ned@example.org", MessageKind.EMAIL_CHANGE_NOTICE)).hasSize(1);
        assertThat(mailsTo("ned.new@example.org", MessageKind.CHANGE_EMAIL)).hasSize(1);
    }

    @Test
    @DisplayName("C3 [required] a password reset queues the password-changed notice, which the settings can switch off")
    void passwordChangedNotice() {
        UserKit kit = kit(config().activateOnSignup(true).build());
        kit.accounts().register(user("olaf"), null);
        kit.recovery().requestPasswordReset("olaf", null);
        kit.recovery().resetPassword(codeMailedTo("olaf@example.org", MessageKind.PASSWORD_RESET), NEW_PASSWORD);
        assertThat(mailsTo("olaf@example.org", MessageKind.PASSWORD_CHANGED_NOTICE)).singleElement()
                .satisfies(m -> assertThat(m.code()).isNull());
        UserKit quiet = kit(config().outbox(OutboxSettings.builder().notice(MessageKind.PASSWORD_CHANGED_NOTICE, false).build()).build());
        quiet.recovery().requestPasswordReset("olaf", null);
        quiet.recovery().resetPassword(codeMailedTo("olaf@example.org", MessageKind.PASSWORD_RESET), PASSWORD);
        assertThat(mailsTo("olaf@example.org", MessageKind.PASSWORD_CHANGED_NOTICE)).hasSize(1);
    }

    @Test
    @DisplayName("REL-8 [required] a started sender delivers a queued message without a call from the application, and stop ends it")
    void startedSenderDeliversOnItsOwn() throws InterruptedException {
        activeUser("pia");
        UserKit kit = kit();
        kit.outbox().start();
        try {
            kit.recovery().requestPasswordReset("pia@example.org", null);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (mailer.sent().isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
            assertThat(mailer.sent()).as("delivered by the background sender").singleElement()
                    .satisfies(m -> assertThat(m.kind()).isEqualTo(MessageKind.PASSWORD_RESET));
        } finally {
            // not kit.close(), which would also close the suite's stores
            kit.outbox().stop();
        }
        mailer.clear();
        kit().recovery().requestPasswordReset("pia@example.org", null);
        Thread.sleep(200);
        assertThat(mailer.sent()).as("nothing delivered once the sender stopped").isEmpty();
        assertThat(stores.outbox().findByState(OutboxState.PENDING, 10)).hasSize(1);
    }

    @Test
    @DisplayName("SEC-28 SEC-09 [required] the lockout of an account queues one account-locked notice to its owner")
    void lockoutNotice() {
        UserKit kit = kit(config().activateOnSignup(true).loginFailureLimit(2).build());
        kit.accounts().register(user("quin"), null);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> kit.sessions().login("quin", "not the password at all", null)).isInstanceOf(UserKitException.class);
        }
        assertThat(mailsTo("quin@example.org", MessageKind.ACCOUNT_LOCKED_NOTICE)).singleElement()
                .satisfies(m -> assertThat(m.code()).isNull());
    }
}
