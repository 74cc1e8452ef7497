/**
 * The admin CLI (W6): one runnable jar ({@link dev.userkit.cli.CliMain}) of picocli commands, nouns
 * then verbs, acting on the database the server runs on (the same {@code USERKIT_*} settings and
 * flags, read through {@code dev.userkit.launch}). A driving adapter: every command goes through
 * core's services ({@link dev.userkit.UserKit}), never a store.
 */
package dev.userkit.cli;
