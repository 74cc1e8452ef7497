package dev.userkit.store.jdbc.testing;

import static dev.userkit.testkit.Fixtures.code;
import static dev.userkit.testkit.Fixtures.device;
import static dev.userkit.testkit.Fixtures.role;
import static dev.userkit.testkit.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.UserId;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.RoleRecord;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UnknownUserException;
import dev.userkit.spi.UserRecord;
import dev.userkit.testkit.Fixtures;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The SQL schemas' foreign keys from sessions, codes, role grants and devices to users (V3): a row
 * for an unknown user is refused with {@link UnknownUserException}, and deleting a user cascades.
 * A store module extends it.
 */
public abstract class UserForeignKeyTests {
    private TestSpace space;
    private Stores stores;
    private RoleRecord editor;

    /** The server to create spaces on. */
    protected abstract SqlTestServer server();

    @BeforeEach
    void openSpace() {
        space = server().newSpace("fk");
        stores = space.stores();
        editor = role("editor");
        stores.roles().insert(editor);
    }

    @AfterEach
    void closeSpace() {
        space.close();
    }

    private UserId inserted(String name) {
        UserRecord r = Fixtures.sampleUser(name);
        stores.users().insert(r);
        return r.user().id();
    }

    private static void assertRefused(ThrowingCallable insert) {
        assertThatThrownBy(insert).isInstanceOf(UnknownUserException.class).hasMessageContaining("Unknown user");
    }

    @Test
    @DisplayName("REL-7 a session, code, grant or device of an unknown user is refused with UnknownUserException and stores nothing")
    void rowsOfUnknownUserAreRefused() {
        UserId ghost = IdGenerator.userId();
        CodeRecord c = code(ghost, CodePurpose.PASSWORD_RESET, Fixtures.AT);

        assertRefused(() -> stores.sessions().insert(session(ghost, Fixtures.AT)));
        assertRefused(() -> stores.codes().insert(c));
        assertRefused(() -> stores.roles().grant(ghost, editor.role().id()));
        assertRefused(() -> stores.devices().insert(device(ghost, Fixtures.AT)));
        assertThat(stores.sessions().list(SessionFilter.all(), null, 10)).isEmpty();
        assertThat(stores.codes().consume(c.codeHash(), CodePurpose.PASSWORD_RESET)).isEmpty();
        assertThat(stores.roles().usersWith(editor.role().id(), null, 10)).isEmpty();
        assertThat(stores.devices().list(null, false)).isEmpty();
    }

    @Test
    @DisplayName("REL-7 UserStore delete alone removes the user's sessions, codes, grants and devices (ON DELETE CASCADE), no one else's")
    void deleteCascadesToOwnedRows() {
        UserId ada = inserted("ada");
        UserId bob = inserted("bob");
        CodeRecord adaCode = code(ada, CodePurpose.EMAIL_VERIFY, Fixtures.AT);
        stores.sessions().insert(session(ada, Fixtures.AT));
        stores.codes().insert(adaCode);
        stores.roles().grant(ada, editor.role().id());
        stores.devices().insert(device(ada, Fixtures.AT));
        SessionRecord bobs = session(bob, Fixtures.AT);
        stores.sessions().insert(bobs);
        stores.roles().grant(bob, editor.role().id());

        assertThat(stores.users().delete(ada)).isTrue();

        assertThat(stores.sessions().list(SessionFilter.all(), null, 10)).containsExactly(bobs);
        assertThat(stores.codes().consume(adaCode.codeHash(), CodePurpose.EMAIL_VERIFY)).isEmpty();
        assertThat(stores.roles().usersWith(editor.role().id(), null, 10)).containsExactly(bob);
        assertThat(stores.devices().list(null, false)).isEmpty();
        assertThat(stores.roles().findById(editor.role().id())).contains(editor);
    }
}
