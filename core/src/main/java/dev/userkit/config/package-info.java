/**
 * Configuration from outside: {@link dev.userkit.config.Settings}, one name-to-value lookup over
 * environment variables, properties files and maps with typed getters, and
 * {@link dev.userkit.config.ConfigException}, the typed error for a bad or missing value. Every
 * module that reads settings ({@code UserKitConfig}, {@code KeyRing}, the stores, SMTP) reads them
 * through this package, so names, precedence and error messages are the same everywhere.
 */
package dev.userkit.config;
