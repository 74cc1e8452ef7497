package dev.userkit.messages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an application's own templates come from (M3). The {@link TemplateRenderer} asks it first
 * for every template and partial by its file name ({@code verify_email.html.mustache},
 * {@code layout.html.mustache}); for a name it does not know, the shipped template is used. So an
 * application overrides exactly the templates it supplies and keeps the others.
 */
@FunctionalInterface
public interface TemplateSource {
    /**
     * The application's text of one template.
     *
     * @param name the template's file name, such as {@code password_reset.txt.mustache}
     * @return the UTF-8 template text, or empty to use the shipped one
     * @throws UncheckedIOException if the template exists but cannot be read
     */
    Optional<String> find(String name);

    /**
     * No overrides: every template is the shipped one.
     *
     * @return a source that knows no template
     */
    static TemplateSource none() {
        return name -> Optional.empty();
    }

    /**
     * Templates as classpath resources under a prefix, such as {@code com/acme/mail/} for
     * {@code com/acme/mail/verify_email.html.mustache}.
     *
     * @param prefix the resource folder, with or without the trailing slash
     * @param loader the class loader that sees the resources
     * @return the source
     */
    static TemplateSource classpath(String prefix, ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        String folder = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        return name -> {
            try (InputStream in = loader.getResourceAsStream(folder + name)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the template " + folder + name, e);
            }
        };
    }

    /**
     * Templates as files in a directory, read when a template is first used (the renderer keeps
     * the compiled template: a changed file applies after a restart).
     *
     * @param dir the directory holding the template files
     * @return the source
     */
    static TemplateSource directory(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        return name -> {
            Path file = root.resolve(name).normalize();
            // names come from the templates themselves (partials): none may reach outside the directory
            if (!file.startsWith(root) || !Files.isRegularFile(file)) return Optional.empty();
            try {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the template " + file, e);
            }
        };
    }
}
