package dev.userkit.store.jdbc.testing;

import dev.userkit.domain.Email;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.Profile;
import dev.userkit.domain.User;
import dev.userkit.domain.UserStatus;
import dev.userkit.domain.Username;
import dev.userkit.spi.UserRecord;
import java.time.Instant;
import java.util.Map;

/** Users for the SQL-specific tests (migrations, user spaces, pool recovery). */
public final class SampleUsers {
    /** A fixed, whole-millisecond instant. */
    public static final Instant AT = Instant.parse("2026-01-01T10:00:00.123Z");

    private SampleUsers() {}

    /** An active user named {@code name}, email {@code name@example.com}, with one metadata field. */
    public static UserRecord user(String name) {
        User u = new User(IdGenerator.userId(), Username.of(name, false), Email.of(name + "@example.com"), null,
                new Profile("Ada", "Lovelace", null, null), Map.of("plan", "gold"), false, UserStatus.ACTIVE, AT, AT);
        return UserRecord.created(u, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
    }
}
