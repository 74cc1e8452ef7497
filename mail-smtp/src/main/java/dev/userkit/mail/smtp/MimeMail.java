package dev.userkit.mail.smtp;

import dev.userkit.spi.MailMessage;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * Turns a {@link MailMessage} into the MIME message that goes on the wire: multipart/alternative
 * with the plain-text part first and the HTML part last (a reader shows the last part it can
 * display), UTF-8 throughout, the subject as RFC 2047 encoded words when it is not ASCII, the
 * Message-ID made from the message id, and Content-Language naming the message's locale. Every
 * header value is checked again here.
 */
final class MimeMail {
    private static final String CHARSET = StandardCharsets.UTF_8.name();

    private final Session session;
    private final InternetAddress from;
    private final String messageIdDomain;

    MimeMail(Session session, SmtpSettings settings) {
        this.session = session;
        this.from = settings.fromAddress();
        this.messageIdDomain = settings.effectiveMessageIdDomain();
    }

    /**
     * The MIME message, ready to send.
     *
     * @throws MailHeaderException if the recipient, subject or id holds a control character, or the
     *         recipient is not exactly one valid address
     */
    MimeMessage of(MailMessage message) throws MessagingException {
        InternetAddress to = recipient(HeaderText.safe(message.to(), "recipient"));
        String subject = HeaderText.safe(message.subject(), "subject");
        String messageId = MessageIds.of(HeaderText.safe(message.id(), "message id"), messageIdDomain);

        MimeMessage mime = new IdentifiedMimeMessage(session, messageId);
        mime.setFrom(from);
        mime.setRecipient(Message.RecipientType.TO, to);
        mime.setSubject(subject, CHARSET);
        // A BCP 47 tag is ASCII letters, digits and hyphens: nothing a header could break on.
        mime.setContentLanguage(new String[] {message.locale().toLanguageTag()});
        mime.setSentDate(new Date());
        mime.setContent(alternatives(message));
        mime.saveChanges();
        return mime;
    }

    private static MimeMultipart alternatives(MailMessage message) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), CHARSET, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.html(), CHARSET, "html");
        MimeMultipart parts = new MimeMultipart("alternative");
        parts.addBodyPart(text);
        parts.addBodyPart(html);
        return parts;
    }

    private static InternetAddress recipient(String to) {
        try {
            // Strict, and exactly one: "a@x.test, b@y.test" must not become two recipients.
            InternetAddress[] parsed = InternetAddress.parse(to, true);
            if (parsed.length != 1 || parsed[0].isGroup()) {
                throw new MailHeaderException("The SMTP recipient must be exactly one address, not a list or a group");
            }
            parsed[0].validate();
            return parsed[0];
        } catch (AddressException e) {
            // The address stays out of the message: it ends up in the outbox's last error and in logs.
            throw new MailHeaderException("The SMTP recipient is not a valid address at index " + e.getPos(), e);
        }
    }

    /** A MIME message whose Message-ID is the one given, not one Jakarta Mail invents on {@code saveChanges}. */
    private static final class IdentifiedMimeMessage extends MimeMessage {
        private final String messageId;

        IdentifiedMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
