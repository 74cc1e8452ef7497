package dev.userkit.spi;

/**
 * The messages UserKit sends (M1, C2, C5, C6, A8), each on one channel. The kind chooses the
 * template and tells tests and {@link dev.userkit.hooks.RecipientResolver}s what a message is.
 */
public enum MessageKind {
    /** The code that verifies a new account's address (A1, A15). */
    VERIFY_EMAIL(Channel.EMAIL),
    /** The code that confirms a new address, sent to that new address (A8). */
    CHANGE_EMAIL(Channel.EMAIL),
    /** Tells the old address that the account's address is about to change (A8). */
    EMAIL_CHANGE_NOTICE(Channel.EMAIL),
    /** A password-reset code or link (C2). */
    PASSWORD_RESET(Channel.EMAIL),
    /** The username, to the address that asked (C5). */
    USERNAME_REMINDER(Channel.EMAIL),
    /** To an address with no account that asked for a reset (C2, off by default). */
    UNKNOWN_ADDRESS_NOTICE(Channel.EMAIL),
    /** Tells the owner that the password was changed or reset. */
    PASSWORD_CHANGED_NOTICE(Channel.EMAIL),
    /** Tells the owner that a device the account had not used logged in. */
    NEW_DEVICE_NOTICE(Channel.EMAIL),
    /** Tells the owner that repeated failures locked the account. */
    ACCOUNT_LOCKED_NOTICE(Channel.EMAIL),
    /** A password-reset code by text message (C6). */
    PASSWORD_RESET_SMS(Channel.SMS);

    /** How a message travels. */
    public enum Channel {
        /** Mail, through {@link Mailer}. */
        EMAIL,
        /** A text message, through {@link SmsSender}. */
        SMS
    }

    private final Channel channel;

    MessageKind(Channel channel) {
        this.channel = channel;
    }

    /**
     * The channel this kind travels on.
     *
     * @return the channel
     */
    public Channel channel() {
        return channel;
    }
}
