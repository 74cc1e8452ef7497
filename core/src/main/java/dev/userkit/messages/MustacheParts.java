package dev.userkit.messages;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheFactory;
import com.github.mustachejava.MustacheResolver;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;

/**
 * Renders the two kinds of part from templates looked up in the application's
 * {@link TemplateSource} first and among the shipped ones second. The HTML factory keeps
 * mustache's escaping of every {@code {{value}}}; the plain-text one writes values as they are, so a
 * username {@code a&b} reads {@code a&b} in the text part and {@code a&amp;b} in the HTML part.
 * Each factory compiles a template once and keeps it.
 */
final class MustacheParts {
    /** The folder of the shipped templates on the classpath. */
    static final String SHIPPED_FOLDER = "dev/userkit/mail/templates/";

    private final MustacheFactory html;
    private final MustacheFactory text;

    MustacheParts(TemplateSource overrides) {
        TemplateSource shipped = TemplateSource.classpath(SHIPPED_FOLDER, MustacheParts.class.getClassLoader());
        // null tells mustache the template does not exist (MustacheNotFoundException)
        MustacheResolver resolver = name -> overrides.find(name).or(() -> shipped.find(name)).map(StringReader::new).orElse(null);
        html = new DefaultMustacheFactory(resolver);
        text = new UnescapedFactory(resolver);
    }

    String html(String template, Map<String, Object> scope) {
        return render(html, template, scope);
    }

    String text(String template, Map<String, Object> scope) {
        return render(text, template, scope);
    }

    private static String render(MustacheFactory factory, String template, Map<String, Object> scope) {
        StringWriter out = new StringWriter();
        factory.compile(template).execute(out, scope);
        return out.toString();
    }

    /** Plain text: values are written as they are. */
    private static final class UnescapedFactory extends DefaultMustacheFactory {
        UnescapedFactory(MustacheResolver resolver) {
            super(resolver);
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new MustacheException("Cannot write a plain-text part", e);
            }
        }
    }
}
