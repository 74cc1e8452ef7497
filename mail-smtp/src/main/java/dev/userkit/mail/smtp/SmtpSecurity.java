package dev.userkit.mail.smtp;

/** How the connection to the SMTP server is protected (M1). */
public enum SmtpSecurity {
    /** Plain text on the wire. Only for a relay on the same host or a trusted network. */
    NONE,
    /**
     * Starts in plain text and upgrades with STARTTLS (usually port 587). The upgrade is
     * required: a server that does not offer it is refused, never silently used in plain text.
     */
    STARTTLS,
    /** TLS from the first byte, "implicit TLS" / SMTPS (usually port 465). */
    TLS
}
