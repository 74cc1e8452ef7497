package dev.userkit.testkit.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.UserKitException;
import dev.userkit.domain.Permission;
import dev.userkit.domain.User;
import dev.userkit.domain.UserStatus;
import dev.userkit.domain.Verb;
import dev.userkit.testkit.RecordingListener;
import dev.userkit.testkit.StoreFixture;
import dev.userkit.testkit.TestUsers;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Shared set-up of the session, login, device and access-control feature tests: users inserted
 * straight into the store with production hashing, every kit recording its events.
 */
public abstract class LoginFixture extends StoreFixture {
    /** The password every test user has. */
    protected static final String PASSWORD = "correct horse battery staple";
    /** A client with an address. */
    protected static final ClientContext CLIENT = ClientContext.fromAddress("203.0.113.7");
    /** The audit events of every kit built by this test. */
    protected final RecordingListener events = new RecordingListener();

    @Override
    protected UserKit.Builder kitBuilder(UserKitConfig cfg) {
        return super.kitBuilder(cfg).listener(events);
    }

    /**
     * Inserts ACTIVE user alice (alice@example.com) with {@link #PASSWORD}.
     *
     * @return the inserted user
     */
    protected User alice() {
        return user("alice", UserStatus.ACTIVE, false);
    }

    /**
     * Inserts a user named {@code name} (email name@example.com) with {@link #PASSWORD}.
     *
     * @param name the username
     * @param status the user's status
     * @param admin the admin flag
     * @return the inserted user
     */
    protected User user(String name, UserStatus status, boolean admin) {
        return TestUsers.insert(stores, TestUsers.productionHasher(), name, name + "@example.com", PASSWORD, status, admin);
    }

    /**
     * Inserts alice, gives her a new role with these permissions and logs her in; returns the token.
     *
     * @param kit the services to use
     * @param role the new role's name
     * @param permissions the role's permissions
     * @return alice's session token
     */
    protected String aliceWithRole(UserKit kit, String role, Permission... permissions) {
        User alice = alice();
        kit.access().createRole(role, "");
        for (Permission p : permissions) kit.access().addPermission(role, p);
        kit.access().grant(alice.id(), role);
        return kit.sessions().login("alice", PASSWORD, CLIENT).token();
    }

    /**
     * The services with device control on (D1).
     *
     * @return a kit over this fixture's stores with {@code deviceControl(true)}
     */
    protected UserKit deviceControlled() {
        return kit(config().deviceControl(true).build());
    }

    /**
     * A client that presents this device token, from a fixed address and user agent.
     *
     * @param deviceToken the device token
     * @return the client context
     */
    protected static ClientContext fromDevice(String deviceToken) {
        return new ClientContext("203.0.113.7", deviceToken, "TestAgent/1.0");
    }

    /**
     * A permission of these verbs.
     *
     * @param name the permission's name
     * @param pattern the Ant-style path pattern
     * @param verbs the verbs it allows
     * @return the permission
     */
    protected static Permission perm(String name, String pattern, Verb... verbs) {
        return new Permission(name, pattern, Set.of(verbs));
    }

    /**
     * Runs the call, asserts it fails with {@code code} and returns the exception.
     *
     * @param code the expected code
     * @param call the call that must fail
     * @return the exception
     */
    protected static UserKitException expectCode(ErrorCode code, ThrowingCallable call) {
        UserKitException e = catchThrowableOfType(UserKitException.class, call);
        assertThat(e).as("expected UserKitException " + code).isNotNull();
        assertThat(e.code()).isEqualTo(code);
        return e;
    }
}
