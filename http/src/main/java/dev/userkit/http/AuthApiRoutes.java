package dev.userkit.http;

import dev.userkit.ClientContext;
import dev.userkit.UserKit;
import dev.userkit.accounts.NewUser;
import dev.userkit.domain.Profile;
import dev.userkit.sessions.LoginResult;
import java.io.IOException;

/**
 * umpack's sign-in routes (W2): {@code POST /login} answers the opaque session token as a JSON
 * string (API clients send it back in {@code authorization}; no cookie is set, the cookie flow is
 * {@link LoginRoutes}'); {@code POST /signup} registers; {@code POST /resetpass} changes a password
 * with the old one. All three are public by default ({@link HttpSettings#publicRoutes()}).
 */
final class AuthApiRoutes {
    private final UserKit kit;

    AuthApiRoutes(UserKit kit) {
        this.kit = kit;
    }

    void register(RouteTable table) {
        table.add("POST", "/login", this::login)
                .add("POST", "/signup", this::signup)
                .add("POST", "/resetpass", this::resetpass);
    }

    private void login(ApiCall call) throws IOException, JsonBodies.TooLarge {
        String password = call.requiredText("password");
        LoginResult result = kit.sessions().login(identifier(call), password, client(call));
        call.ok(result.token());
    }

    private void signup(ApiCall call) throws IOException, JsonBodies.TooLarge {
        Profile profile = Profile.builder().firstName(call.text("firstName")).lastName(call.text("lastName"))
                .address(call.text("address")).additionalInfo(call.text("additionalInfo")).build();
        NewUser user = NewUser.builder(call.requiredText("userName"), call.text("email"))
                .password(call.requiredText("password")).phone(emptyToNull(call.text("phone"))).profile(profile).build();
        kit.accounts().register(user, call.client());
        call.success("Thanks for signUp");
    }

    /**
     * The old password is proven by a login, so that this public route is throttled, costs the same
     * for an unknown name and answers it as a wrong password (603, SEC-08, SEC-09) instead of
     * being a password oracle; the change then ends every session, the proving one included.
     */
    private void resetpass(ApiCall call) throws IOException, JsonBodies.TooLarge {
        String userName = call.requiredText("userName");
        String oldPassword = call.requiredText("oldPassword");
        String newPassword = call.requiredText("newPassword");
        LoginResult proof = kit.sessions().login(userName, oldPassword, call.client());
        try {
            kit.accounts().changePassword(proof.user().id(), oldPassword, newPassword, null);
        } finally {
            // after a refused new password the proving session must not outlive the request
            kit.sessions().logout(proof.token());
        }
        call.success("Password Reset Done");
    }

    // umpack's login takes userName or email; either is a sign-in identifier to core
    private static String identifier(ApiCall call) throws IOException, JsonBodies.TooLarge {
        String name = call.text("userName");
        return name != null && !name.isEmpty() ? name : call.requiredText("email");
    }

    // umpack sends the device token in the body; a header configured for it still counts when the body has none
    private static ClientContext client(ApiCall call) throws IOException, JsonBodies.TooLarge {
        String device = call.text("deviceToken");
        return device == null ? call.client() : call.client().withDeviceToken(device);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
