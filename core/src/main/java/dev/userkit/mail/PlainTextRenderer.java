package dev.userkit.mail;

import dev.userkit.spi.MailMessage;
import dev.userkit.spi.MessageKind;
import dev.userkit.spi.MessageRenderer;
import dev.userkit.spi.Notification;
import dev.userkit.spi.SmsMessage;
import java.time.Duration;
import java.time.Instant;

/**
 * English plain-text messages, the HTML part the same text escaped.
 * TODO(outbox-merge): replaced by the template renderer with bundles.
 */
public final class PlainTextRenderer implements MessageRenderer {
    @Override
    public MailMessage mail(Notification n) {
        String hello = n.username() == null ? "Hello,\n\n" : "Hello " + n.username() + ",\n\n";
        String text = switch (n.kind()) {
            case VERIFY_EMAIL -> hello + "please confirm this email address for your new account:\n\n" + n.link()
                    + "\n\nIf you did not sign up, ignore this message.\n";
            case CHANGE_EMAIL -> hello + "to make this your account's email address, confirm it here:\n\n" + n.link()
                    + "\n\nIf you did not ask for this change, ignore this message.\n";
            case EMAIL_CHANGE_NOTICE -> hello + "someone asked to change the email address of your account. If it was not you, change your password.\n";
            case PASSWORD_RESET -> hello + "someone asked to reset the password of your account. To choose a new one:\n\n" + n.link()
                    + "\n\nIf it was not you, ignore this message: your password stays as it is.\n";
            case USERNAME_REMINDER -> "Hello,\n\nthe user name of the account registered with this address is: " + n.username() + "\n";
            case UNKNOWN_ADDRESS_NOTICE -> "Hello,\n\nsomeone asked to reset the password of an account with this email address, but no account uses it."
                    + "\n\nIf it was you, you may have registered with another address. Otherwise ignore this message.\n";
            case PASSWORD_CHANGED_NOTICE -> hello + "the password of your account was changed. If it was not you, reset it now.\n";
            case NEW_DEVICE_NOTICE -> hello + "a device your account had not used before signed in.\n";
            case ACCOUNT_LOCKED_NOTICE -> hello + "repeated failed sign-ins locked your account for a while.\n";
            case PASSWORD_RESET_SMS -> throw new IllegalArgumentException("PASSWORD_RESET_SMS is a text message");
        };
        return new MailMessage(n, subject(n.kind()), text, "<pre>" + escape(text) + "</pre>");
    }

    @Override
    public SmsMessage sms(Notification n) {
        if (n.kind() != MessageKind.PASSWORD_RESET_SMS) throw new IllegalArgumentException(n.kind() + " is a mail");
        long minutes = n.expiresAt() == null ? 0 : Duration.between(Instant.now(), n.expiresAt()).toMinutes();
        return new SmsMessage(n, "Your password reset code is " + n.code() + ". It expires in " + minutes + " minutes.");
    }

    private static String subject(MessageKind kind) {
        return switch (kind) {
            case VERIFY_EMAIL -> "Please verify your email address";
            case CHANGE_EMAIL -> "Confirm your new email address";
            case EMAIL_CHANGE_NOTICE -> "Your email address is changing";
            case PASSWORD_RESET -> "Reset your password";
            case USERNAME_REMINDER -> "Your user name";
            case UNKNOWN_ADDRESS_NOTICE -> "Password reset request";
            case PASSWORD_CHANGED_NOTICE -> "Your password was changed";
            case NEW_DEVICE_NOTICE -> "New sign-in to your account";
            case ACCOUNT_LOCKED_NOTICE -> "Your account is locked";
            case PASSWORD_RESET_SMS -> "";
        };
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
