package dev.userkit.hooks;

import dev.userkit.spi.MessageKind;
import dev.userkit.spi.MailMessage;

/** Redirects mail (H2): returns the address a message really goes to. */
@FunctionalInterface
public interface RecipientResolver {
    /** The default sends to the intended address. */
    RecipientResolver IDENTITY = (address, kind) -> address;

    /**
     * The address to send to instead of {@code address}.
     *
     * @param address the address UserKit would send to
     * @param kind what the message is
     * @return the address to send to
     */
    String resolve(String address, MessageKind kind);
}
