package dev.userkit.hooks;

/**
 * How a login ended, as {@link Instrumentation#loginFinished} reports it: a closed set, so that a
 * metric tagged with it has a bounded number of series and carries nothing about the caller.
 */
public enum LoginOutcome {
    /** A session was issued. */
    SUCCESS,
    /** 603: unknown identifier, wrong password or disabled account (one outcome, as the caller sees one, SEC-07). */
    WRONG_CREDENTIALS,
    /** 1005: the attempt counters were past their limit (SEC-09, SEC-28). */
    THROTTLED,
    /** 601: the password was right but the account is not active yet (not verified). */
    PENDING,
    /** 805 or 806: device control refused the client's device (D1). */
    DEVICE_REFUSED,
    /** Anything else: a login check's refusal, bad input, or an infrastructure fault. */
    OTHER
}
