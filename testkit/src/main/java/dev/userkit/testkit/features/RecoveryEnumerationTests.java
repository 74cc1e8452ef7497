package dev.userkit.testkit.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.accounts.NewUser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SEC-07 and SEC-10 for the recovery paths: whatever a caller submits, a number or address with
 * an account answers exactly as one without, however many times it is asked.
 *
 * <p>If a test fails on one store only, check that a lookup of an unknown address or number
 * returns empty, as for a known one, and never throws or takes another path.
 */
public abstract class RecoveryEnumerationTests extends IdentityFixture {
    private static final String REAL = "+4915112345678";
    private static final String UNKNOWN = "+4915187654321";

    @Test
    @DisplayName("SEC-10 SEC-07 [required] wrong SMS codes for a real and an unknown number get the same answers in the same order")
    void phoneGuessesAnswerAlike() {
        UserKit kit = kit();
        kit.accounts().register(NewUser.builder("pat", "pat@example.org").password(PASSWORD).phone(REAL).build(), null);
        kit.recovery().requestPasswordResetByPhone(REAL, null);
        kit.recovery().requestPasswordResetByPhone(UNKNOWN, null);
        String wrong = codeTexted().equals("000000") ? "111111" : "000000";
        assertThat(answers(kit, REAL, wrong)).isEqualTo(answers(kit, UNKNOWN, wrong))
                .containsExactly(801, 801, 801, 801, 1006, 1006, 1006, 1006);
    }

    @Test
    @DisplayName("SEC-10 SEC-07 [required] a new request for an unknown number starts its count again, as for a real one")
    void phoneCountRestartsAlike() {
        UserKit kit = kit();
        kit.accounts().register(NewUser.builder("pat", "pat@example.org").password(PASSWORD).phone(REAL).build(), null);
        kit.recovery().requestPasswordResetByPhone(REAL, null);
        String wrong = codeTexted().equals("000000") ? "111111" : "000000";
        List<Integer> real = answers(kit, REAL, wrong);
        List<Integer> unknown = answers(kit, UNKNOWN, wrong);
        kit.recovery().requestPasswordResetByPhone(REAL, null);
        kit.recovery().requestPasswordResetByPhone(UNKNOWN, null);
        String wrongAgain = codeTexted().equals("000000") ? "111111" : "000000";
        real.addAll(answers(kit, REAL, wrongAgain));
        unknown.addAll(answers(kit, UNKNOWN, wrongAgain));
        assertThat(real).isEqualTo(unknown);
    }

    @Test
    @DisplayName("SEC-10 [required] reset, reminder and SMS requests answer alike for known, unknown and malformed input")
    void requestsAnswerAlike() {
        UserKit kit = kit();
        kit.accounts().register(NewUser.builder("pat", "pat@example.org").password(PASSWORD).phone(REAL).build(), null);
        for (String who : List.of("pat", "pat@example.org", "nobody", "nobody@example.org", "", "@", "x@y")) {
            kit.recovery().requestPasswordReset(who, null);
            kit.recovery().requestUsernameReminder(who, null);
        }
        kit.recovery().requestPasswordResetByPhone(REAL, null);
        kit.recovery().requestPasswordResetByPhone(UNKNOWN, null);
        assertThat(mailSent()).extracting(m -> m.to()).containsOnly("pat@example.org");
        assertThat(textsSent()).singleElement().satisfies(t -> assertThat(t.to()).isEqualTo(REAL));
    }

    private static List<Integer> answers(UserKit kit, String phone, String code) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            try {
                kit.recovery().resetPasswordByPhone(phone, code, NEW_PASSWORD);
                out.add(0);
            } catch (UserKitException e) {
                out.add(e.code().number());
            }
        }
        return out;
    }
}
