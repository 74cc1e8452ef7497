package dev.userkit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A domain outcome: bad input, wrong credentials, a taken name, an expired code. Never an
 * infrastructure fault (those are {@link StoreException}). The message never carries a secret.
 */
public class UserKitException extends RuntimeException {
    /** The stable code of the outcome. */
    private final ErrorCode code;
    /** For THROTTLED: how long to wait before trying again; null otherwise. */
    private final Duration retryAfter;

    /**
     * An outcome with the code's default message.
     *
     * @param code the outcome's code
     */
    public UserKitException(ErrorCode code) {
        this(code, code.defaultMessage(), null);
    }

    /**
     * An outcome with a more specific message (still safe to show).
     *
     * @param code the outcome's code
     * @param message the message, which must carry no secret
     */
    public UserKitException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /**
     * A {@link ErrorCode#THROTTLED} outcome with the time to wait.
     *
     * @param retryAfter how long to wait before trying again
     * @return the exception to throw
     */
    public static UserKitException throttled(Duration retryAfter) {
        return new UserKitException(ErrorCode.THROTTLED, ErrorCode.THROTTLED.defaultMessage(), retryAfter);
    }

    private UserKitException(ErrorCode code, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code);
        this.retryAfter = retryAfter;
    }

    /**
     * The stable code.
     *
     * @return the outcome's code
     */
    public ErrorCode code() { return code; }

    /**
     * For THROTTLED: how long to wait before trying again.
     *
     * @return the time to wait, or empty when the outcome is not THROTTLED
     */
    public Optional<Duration> retryAfter() { return Optional.ofNullable(retryAfter); }

    @Override
    public String toString() {
        return "UserKitException[" + code.number() + " " + code + "]: " + getMessage();
    }
}
