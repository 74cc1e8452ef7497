package dev.userkit.domain;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.userkit.domain.DeviceId;
import dev.userkit.domain.RoleId;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Makes the ids core assigns: UUID version 7 (time-ordered, so every store's index stays
 * append-mostly), with the random part from SecureRandom.
 */
public final class IdGenerator {
    private static final TimeBasedEpochGenerator V7 = Generators.timeBasedEpochGenerator(new SecureRandom());

    private IdGenerator() {}

    /**
     * A new user id.
     *
     * @return the id
     */
    public static UserId userId() { return new UserId(V7.generate()); }

    /**
     * A new session id.
     *
     * @return the id
     */
    public static SessionId sessionId() { return new SessionId(V7.generate()); }

    /**
     * A new role id.
     *
     * @return the id
     */
    public static RoleId roleId() { return new RoleId(V7.generate()); }

    /**
     * A new device id.
     *
     * @return the id
     */
    public static DeviceId deviceId() { return new DeviceId(V7.generate()); }

    /**
     * A new outbox message id: time-ordered too, so that messages queued in the same instant of the
     * application's clock are still offered in the order they were queued.
     *
     * @return the id
     */
    public static UUID messageId() { return V7.generate(); }

    /**
     * A new permission id (R6, umpack's {@code actionId}): a random version 7 UUID as text.
     *
     * @return the id
     */
    public static String permissionId() { return V7.generate().toString(); }
}
