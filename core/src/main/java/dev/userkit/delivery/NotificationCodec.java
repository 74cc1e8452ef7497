package dev.userkit.delivery;

import dev.userkit.spi.MessageKind;
import dev.userkit.spi.Notification;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;

/**
 * The bytes of a {@link Notification} before encryption, with a flag that marks a decoy (SEC-31).
 * The encoding is padded to a multiple of {@link #BLOCK} bytes, so a decoy and a real message of a
 * kind fall into the same size class in the store and the ciphertext's length does not give away
 * the length of an address or a username.
 */
final class NotificationCodec {
    /** Payloads are padded to a multiple of this many bytes. */
    static final int BLOCK = 512;
    private static final byte FORMAT = 1;

    private NotificationCodec() {}

    /** What a payload held. */
    record Decoded(Notification notification, boolean decoy) {}

    static byte[] encode(Notification n, boolean decoy) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(BLOCK);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeBoolean(decoy);
            out.writeUTF(n.id());
            out.writeUTF(n.kind().name());
            out.writeUTF(n.recipient());
            out.writeUTF(n.locale().toLanguageTag());
            optional(out, n.username());
            optional(out, n.code());
            optional(out, n.link());
            out.writeLong(n.expiresAt() == null ? Long.MIN_VALUE : n.expiresAt().toEpochMilli());
            int padding = BLOCK - out.size() % BLOCK;
            out.write(new byte[padding]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Decoded decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readByte() != FORMAT) throw new IllegalArgumentException("unknown payload format");
            boolean decoy = in.readBoolean();
            String id = in.readUTF();
            MessageKind kind = MessageKind.valueOf(in.readUTF());
            String recipient = in.readUTF();
            Locale locale = Locale.forLanguageTag(in.readUTF());
            String username = optional(in);
            String code = optional(in);
            String link = optional(in);
            long expires = in.readLong();
            return new Decoded(new Notification(id, kind, recipient, locale, username, code, link,
                    expires == Long.MIN_VALUE ? null : Instant.ofEpochMilli(expires)), decoy);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed payload", e);
        }
    }

    private static void optional(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) out.writeUTF(value);
    }

    private static String optional(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
