package dev.userkit.access;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import java.util.Objects;

/**
 * An authorisation outcome with its code (R6): a {@link Decision} and, unless ALLOWED, why: 606,
 * 607 or 608 when UNAUTHENTICATED, 609 ACCESS_DENIED or 806 DEVICE_DENIED when FORBIDDEN, so an
 * edge answers umpack's {@code internalStatus} without guessing it.
 *
 * @param decision ALLOWED, UNAUTHENTICATED or FORBIDDEN
 * @param code null when ALLOWED, otherwise the code of the refusal
 */
public record Verdict(Decision decision, ErrorCode code) {
    /** The one allowed verdict. */
    public static final Verdict ALLOWED = new Verdict(Decision.ALLOWED, null);

    /**
     * Checks that a code comes with every refusal and none with ALLOWED.
     *
     * @param decision see {@link #decision()}
     * @param code see {@link #code()}
     */
    public Verdict {
        Objects.requireNonNull(decision, "decision");
        if ((decision == Decision.ALLOWED) != (code == null)) throw new IllegalArgumentException("A refusal, and only a refusal, has a code");
    }

    /**
     * A refusal for want of a valid user session.
     *
     * @param code 606, 607 or 608
     * @return the verdict
     */
    static Verdict unauthenticated(ErrorCode code) {
        return new Verdict(Decision.UNAUTHENTICATED, code);
    }

    /**
     * A refusal of an authenticated caller.
     *
     * @param code 609 or 806
     * @return the verdict
     */
    static Verdict forbidden(ErrorCode code) {
        return new Verdict(Decision.FORBIDDEN, code);
    }

    /**
     * Whether the request may pass.
     *
     * @return true when ALLOWED
     */
    public boolean allowed() {
        return decision == Decision.ALLOWED;
    }

    /**
     * Returns when ALLOWED; otherwise throws the refusal, for an edge that answers exceptions.
     *
     * @throws UserKitException with {@link #code()} unless ALLOWED
     */
    public void orThrow() {
        if (!allowed()) throw new UserKitException(code);
    }
}
