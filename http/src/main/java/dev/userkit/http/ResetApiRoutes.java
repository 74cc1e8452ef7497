package dev.userkit.http;

import dev.userkit.UserKit;
import java.io.IOException;

/**
 * umpack's password resets (W2, C2, C3, C6, H2): by a code mailed to the address, and by a code
 * texted to the phone of the account a {@code userName} names. The two request routes answer
 * {@code {success: true}} whether or not the account exists, may recover or is over its send
 * limit (SEC-10, SEC-31: core queues a decoy for nobody); the reset routes answer the code's outcome
 * (800, 801, 1006, 1001-1004). All four are public by default ({@link HttpSettings#publicRoutes()}).
 */
final class ResetApiRoutes {
    private final UserKit kit;

    ResetApiRoutes(UserKit kit) {
        this.kit = kit;
    }

    void register(RouteTable table) {
        table.add("POST", "/users/passwordResetRequest", this::requestByMail)
                .add("POST", "/users/passwordReset", this::resetByMail)
                .add("POST", "/users/{userName}/passwordResetRequestByPhone", this::requestByPhone)
                .add("POST", "/users/{userName}/passwordResetByPhone", this::resetByPhone);
    }

    private void requestByMail(ApiCall call) throws IOException, JsonBodies.TooLarge {
        kit.recovery().requestPasswordReset(call.requiredText("email"), call.client());
        call.success(null);
    }

    private void resetByMail(ApiCall call) throws IOException, JsonBodies.TooLarge {
        kit.recovery().resetPassword(call.requiredText("resetKey"), call.requiredText("newPassword"));
        call.success(null);
    }

    private void requestByPhone(ApiCall call) throws IOException, JsonBodies.TooLarge {
        call.body();   // umpack posts {}: anything but a JSON object is still 1010
        kit.recovery().requestPasswordResetByPhoneFor(call.param("userName"), call.client());
        call.success(null);
    }

    private void resetByPhone(ApiCall call) throws IOException, JsonBodies.TooLarge {
        kit.recovery().resetPasswordByPhoneFor(call.param("userName"), call.requiredText("resetKey"),
                call.requiredText("newPassword"), call.client());
        call.success(null);
    }
}
