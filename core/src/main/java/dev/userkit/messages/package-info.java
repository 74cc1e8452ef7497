/**
 * What a person reads (M3): {@link dev.userkit.messages.TemplateRenderer}, the default
 * {@link dev.userkit.spi.MessageRenderer} over mustache templates and resource bundles, the
 * {@link dev.userkit.messages.TemplateSource} an application overrides single templates with,
 * and {@link dev.userkit.messages.ErrorMessages}, the error codes' messages in a language.
 *
 * <p>Shipped resources: the templates under {@code dev/userkit/mail/templates/}, the mail words in
 * the bundle {@code dev.userkit.mail.messages} and the error messages in {@code dev.userkit.errors}
 * (UTF-8 properties; English is the root bundle, German the {@code _de} one). A language is added
 * with one properties file per bundle; a locale falls back from its most specific bundle to the
 * root one (de-AT, de, then English), never to the JVM's default locale.
 */
package dev.userkit.messages;
