package dev.userkit.accounts;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.ServiceHelpers;
import dev.userkit.spi.UserRecord;

/**
 * The guards that several self-service operations share (registration, credential and email
 * changes), kept in one place so that each rule is written once: the caller knows the current
 * password, and a mail to an address stays within the send-rate limit (SEC-25).
 */
final class AccountChecks {
    private final ServiceHelpers support;

    AccountChecks(ServiceHelpers support) {
        this.support = support;
    }

    /** @throws UserKitException WRONG_PASSWORD (604) unless {@code password} matches the stored hash */
    void requirePassword(UserRecord rec, String password) {
        if (password == null || support.ctx().config().tooLongForPassword(password)
                || !support.hasher().verify(password, rec.passwordHash()).matches()) {
            throw new UserKitException(ErrorCode.WRONG_PASSWORD);
        }
    }

    /** @throws UserKitException THROTTLED (1005) over the limit of this channel per address or client */
    void requireSendAllowed(String channel, String destination, ClientContext client) {
        if (!support.sendLimits().allow(channel, destination, client)) {
            throw UserKitException.throttled(support.ctx().config().sendWindow());
        }
    }
}
