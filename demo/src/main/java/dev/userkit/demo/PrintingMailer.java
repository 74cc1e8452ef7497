package dev.userkit.demo;

import dev.userkit.spi.MailMessage;
import dev.userkit.spi.Mailer;
import java.io.PrintStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shows the mail UserKit would send; a real application binds the SMTP adapter instead. */
final class PrintingMailer implements Mailer {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private final PrintStream out;
    private String lastCode;

    PrintingMailer(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void send(MailMessage m) {
        out.printf("    [mail] %s to %s: \"%s\"%n", m.kind(), m.to(), m.subject());
        Matcher code = CODE.matcher(m.text());
        if (code.find()) {
            lastCode = code.group();
            out.printf("           carries a one-time code %s... (43 chars; only its SHA-256 is stored)%n", lastCode.substring(0, 6));
        }
    }

    synchronized String lastCode() {
        return lastCode;
    }
}
