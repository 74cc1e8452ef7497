package dev.userkit.demo;

import dev.userkit.spi.MailMessage;
import dev.userkit.spi.Mailer;
import java.io.PrintStream;

/** Shows the mail UserKit delivers; a real application binds the SMTP adapter instead. */
final class PrintingMailer implements Mailer {
    private final PrintStream out;
    private String lastCode;

    PrintingMailer(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void send(MailMessage m) {
        out.printf("    [mail] %s to %s: \"%s\" (Message-ID from %s)%n", m.kind(), m.to(), m.subject(), m.id());
        if (m.code() != null) {
            lastCode = m.code();
            out.printf("           carries a one-time code %s... (%d chars; only its SHA-256 is stored)%n", lastCode.substring(0, 6),
                    lastCode.length());
        }
    }

    synchronized String lastCode() {
        return lastCode;
    }
}
