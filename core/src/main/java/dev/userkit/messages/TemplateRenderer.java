package dev.userkit.messages;

import dev.userkit.spi.MailMessage;
import dev.userkit.spi.MessageKind;
import dev.userkit.spi.MessageRenderer;
import dev.userkit.spi.Notification;
import dev.userkit.spi.SmsMessage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The default {@link MessageRenderer} (M3): mustache templates for the parts, resource bundles for
 * the words, in the notification's locale. {@code new TemplateRenderer()} renders the shipped
 * English and German texts; {@link #builder()} adds the application's templates, its own bundle and
 * the time zone expiry times are shown in (UTC unless set).
 *
 * <p>For a kind {@code K} (lower case, such as {@code password_reset}) the mail's parts are the
 * templates {@code K.txt.mustache} and {@code K.html.mustache}, an SMS's text is {@code K.txt.mustache};
 * the subject is the bundle text {@code K.subject}. A template sees the bundle's words
 * {@code common.NAME} and {@code K.NAME} as {@code {{NAME}}}, and the values {@code username},
 * {@code code}, {@code link} (the {@link dev.userkit.hooks.LinkBuilder}'s text, else the code),
 * {@code expiry} (the code's expiry in the user's locale and the renderer's zone), {@code recipient} and
 * {@code subject}, with the flags {@code has_username}, {@code has_expiry} and {@code link_is_web}
 * (the link is an http or https URL). A bundle text may hold the same values as {@code {username}}.
 * The HTML part escapes every value and word; the plain-text part escapes nothing.
 *
 * <p>A subject comes from the bundles: a translated subject or a value in it with a line break is
 * refused ({@link MailMessage} takes no control character in a header), so a broken translation
 * fails the delivery visibly instead of writing a header. Thread-safe.
 */
public final class TemplateRenderer implements MessageRenderer {
    /** The shipped mail bundle's base name. */
    public static final String SHIPPED_BUNDLE = "dev.userkit.mail.messages";
    private static final String COMMON = "common.";

    private final MustacheParts parts;
    private final LocalizedBundles bundles;
    private final ZoneId zone;

    /** The shipped templates and bundles, expiry times in UTC. */
    public TemplateRenderer() {
        this(builder());
    }

    private TemplateRenderer(Builder b) {
        this.parts = new MustacheParts(b.templates);
        this.bundles = new LocalizedBundles(b.bundles);
        this.zone = b.zone;
    }

    /**
     * A builder starting from the shipped templates and bundles and UTC.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public MailMessage mail(Notification n) {
        require(n, MessageKind.Channel.EMAIL);
        Map<String, Object> scope = scope(n);
        String base = templateName(n.kind());
        if (!(scope.get("subject") instanceof String subject)) {
            throw new IllegalStateException("No bundle has the subject " + base + ".subject for " + n.locale());
        }
        return new MailMessage(n, subject, parts.text(base + ".txt.mustache", scope), parts.html(base + ".html.mustache", scope));
    }

    @Override
    public SmsMessage sms(Notification n) {
        require(n, MessageKind.Channel.SMS);
        return new SmsMessage(n, parts.text(templateName(n.kind()) + ".txt.mustache", scope(n)));
    }

    /**
     * The file name stem of a kind's templates and the prefix of its bundle keys.
     *
     * @param kind the message kind
     * @return the kind in lower case, such as {@code verify_email}
     */
    public static String templateName(MessageKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private Map<String, Object> scope(Notification n) {
        Map<String, String> values = values(n);
        Map<String, String> words = bundles.words(n.locale());
        String kind = templateName(n.kind()) + ".";
        Map<String, Object> scope = new HashMap<>();
        // common words first, so that a kind's own word of the same name wins
        for (String prefix : List.of(COMMON, kind)) {
            words.forEach((key, text) -> {
                if (key.startsWith(prefix)) scope.put(key.substring(prefix.length()), Placeholders.fill(text, values));
            });
        }
        scope.putAll(values);
        scope.put("has_username", n.username() != null);
        scope.put("has_expiry", n.expiresAt() != null);
        String link = values.get("link");
        scope.put("link_is_web", link != null && (link.startsWith("https://") || link.startsWith("http://")));
        return scope;
    }

    private Map<String, String> values(Notification n) {
        Map<String, String> v = new HashMap<>();
        v.put("recipient", n.recipient());
        if (n.username() != null) v.put("username", n.username());
        if (n.code() != null) v.put("code", n.code());
        String link = n.link() != null ? n.link() : n.code();
        if (link != null) v.put("link", link);
        if (n.expiresAt() != null) v.put("expiry", expiryFormat(n.locale()).format(n.expiresAt()));
        return v;
    }

    private DateTimeFormatter expiryFormat(Locale locale) {
        return new DateTimeFormatterBuilder().appendLocalized(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .appendLiteral(' ').appendZoneText(TextStyle.SHORT).toFormatter(locale).withZone(zone);
    }

    private static void require(Notification n, MessageKind.Channel channel) {
        Objects.requireNonNull(n, "notification");
        if (n.kind().channel() != channel) {
            throw new IllegalArgumentException(n.kind() + " travels by " + n.kind().channel() + ", not " + channel);
        }
    }

    /** Options of a {@link TemplateRenderer}; setters return {@code this}. */
    public static final class Builder {
        private TemplateSource templates = TemplateSource.none();
        private final List<LocalizedBundles.Bundle> bundles = new ArrayList<>(
                List.of(new LocalizedBundles.Bundle(SHIPPED_BUNDLE, TemplateRenderer.class.getClassLoader())));
        private ZoneId zone = ZoneId.of("UTC");

        private Builder() {}

        /**
         * The application's templates, asked first for every template; the shipped one serves
         * every name it does not know.
         *
         * @param v the source, such as {@link TemplateSource#classpath(String, ClassLoader)} or {@link TemplateSource#directory}
         * @return this builder
         */
        public Builder templates(TemplateSource v) {
            templates = Objects.requireNonNull(v, "templates");
            return this;
        }

        /**
         * The application's own bundle of mail words, over the shipped one: for each locale
         * candidate (de-AT, de, root) its key wins over the shipped key of the same candidate.
         *
         * @param baseName the bundle's dotted base name, such as {@code com.acme.mail}
         * @param loader the class loader that sees it
         * @return this builder
         */
        public Builder messages(String baseName, ClassLoader loader) {
            bundles.add(new LocalizedBundles.Bundle(Objects.requireNonNull(baseName, "baseName"),
                    Objects.requireNonNull(loader, "loader")));
            return this;
        }

        /**
         * The time zone expiry times are shown in; UTC unless set (UserKit stores no time zone per user).
         *
         * @param v the zone
         * @return this builder
         */
        public Builder zone(ZoneId v) {
            zone = Objects.requireNonNull(v, "zone");
            return this;
        }

        /**
         * The renderer. Templates are compiled when first used.
         *
         * @return a new renderer
         */
        public TemplateRenderer build() {
            return new TemplateRenderer(this);
        }
    }
}
