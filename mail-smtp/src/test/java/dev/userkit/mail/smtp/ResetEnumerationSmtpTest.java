package dev.userkit.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.userkit.ClientContext;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SEC-10 with a real SMTP server up and with it down: inside the request, a reset for a known and
 * for an unknown address do the same work. Read as work, not as time (the timing ratio is the
 * bench's {@code ResetParity}): no SMTP connection in either case, and the same store calls, in the
 * same order, counted by a decorator over every port; the one difference is where the code's write
 * goes ({@link #DECOY_WRITE}). Both outbox rows, the real one and the decoy, are alike to the store.
 */
class ResetEnumerationSmtpTest {
    private static final String ALICE = "alice@example.test";
    private static final String CODE_WRITE = "CodeStore.insert";
    /**
     * Where an unknown address's request makes its one write in place of the code row: the code
     * store cannot hold a code without an owner (a foreign key on the SQL stores), so core's decoy
     * writes one counter row of the same size instead.
     */
    private static final String DECOY_WRITE = "AttemptStore.increment";

    @RegisterExtension
    static final GreenMailExtension SERVER = SmtpFixtures.greenMail();

    @ParameterizedTest(name = "SMTP server up: {0}")
    @ValueSource(booleans = {true, false})
    @DisplayName("SEC-10 C2 a reset request for a known and for an unknown address opens no SMTP connection and makes the same store calls")
    void resetWhenKnownOrUnknownThenNoSmtpAndSameStoreCalls(boolean serverUp) throws Exception {
        int port = serverUp ? SERVER.getSmtp().getPort() : SmtpFixtures.closedPort();
        try (OutboxFixture f = OutboxFixture.mailingTo(port)) {
            f.register("alice", ALICE);
            // One of each first, so that neither path pays a first-call cost the other does not.
            reset(f, ALICE);
            reset(f, "first-stranger@example.test");

            List<String> known = f.calls.during(() -> reset(f, ALICE));
            List<String> unknown = f.calls.during(() -> reset(f, "stranger@example.test"));

            assertThat(known).as("store calls of a known address's request").contains(CODE_WRITE, "OutboxStore.add");
            assertThat(unknown).as("store calls of an unknown address's request, against a known one's, its code write a decoy write")
                    .isEqualTo(known.stream().map(c -> c.equals(CODE_WRITE) ? DECOY_WRITE : c).toList());
            assertThat(f.smtp.connections()).as("SMTP connections inside the requests").isZero();

            f.deliver();
            if (serverUp) {
                assertThat(SERVER.waitForIncomingEmail(5_000, 2)).isTrue();
                assertThat(SERVER.getReceivedMessages()).as("mail only for the real account")
                        .allSatisfy(m -> assertThat(m.getAllRecipients()).extracting(Object::toString).containsExactly(ALICE));
            } else {
                assertThat(f.kit.outbox().pending(10)).as("the known address's mails wait for the server; the decoys were dropped")
                        .hasSize(2);
            }
        }
    }

    private static void reset(OutboxFixture f, String address) {
        f.kit.recovery().requestPasswordReset(address, ClientContext.NONE);
    }
}
