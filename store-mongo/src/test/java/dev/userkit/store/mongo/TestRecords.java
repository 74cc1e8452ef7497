package dev.userkit.store.mongo;

import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.Device;
import dev.userkit.domain.Email;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Phone;
import dev.userkit.domain.Profile;
import dev.userkit.domain.Role;
import dev.userkit.domain.Session;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.domain.Username;
import dev.userkit.domain.Verb;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.DeviceRecord;
import dev.userkit.spi.RoleRecord;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.UserRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Records for the Mongo-specific tests, all at one fixed instant (milliseconds, as stores keep time). */
final class TestRecords {
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private TestRecords() {}

    static UserRecord user(String name, String phone, Map<String, Object> metadata) {
        User u = new User(IdGenerator.userId(), Username.of(name, false), Email.of(name + "@example.org"),
                phone == null ? null : Phone.of(phone), new Profile("Ada", null, "1 Road", null), metadata, false,
                UserStatus.ACTIVE, NOW, NOW);
        return UserRecord.created(u, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
    }

    static UserRecord user(String name) {
        return user(name, null, Map.of());
    }

    static SessionRecord session(UserId user, String tokenHash) {
        return new SessionRecord(new Session(IdGenerator.sessionId(), user, NOW, NOW, NOW.plus(Duration.ofMinutes(30)),
                NOW.plus(Duration.ofHours(12)), Map.of("theme", "dark"), null), tokenHash, 0);
    }

    static CodeRecord code(UserId user, String hash, CodePurpose purpose) {
        return new CodeRecord(hash, user, purpose, null, NOW, NOW.plus(Duration.ofMinutes(15)), 0);
    }

    static RoleRecord role(String name) {
        return new RoleRecord(new Role(IdGenerator.roleId(), name, "test role",
                List.of(new Permission("read", "/api/**", EnumSet.of(Verb.GET, Verb.HEAD)))), 0);
    }

    static DeviceRecord device(UserId user, String tokenHash) {
        return new DeviceRecord(new Device(IdGenerator.deviceId(), user, true, "test-agent", NOW, NOW), tokenHash);
    }
}
