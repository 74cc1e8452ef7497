package dev.userkit.cli;

import dev.userkit.KeyRing;
import dev.userkit.config.Settings;
import dev.userkit.launch.KeyRingFile;
import dev.userkit.launch.LaunchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keyring generate|rotate}: the server key ring file (SEC-26), {@code <data-dir>/keyring}
 * unless {@code --file}, mode 0600, written whole or not at all. Keys are never printed.
 */
@Command(name = "keyring", description = "Generate or rotate the server key ring file (mode 0600).",
        mixinStandardHelpOptions = true, version = UserKitCli.VERSION,
        subcommands = {KeyringCommand.Generate.class, KeyringCommand.Rotate.class})
final class KeyringCommand extends GroupCommand {
    /** {@code keyring generate [--force]}. */
    @Command(name = "generate", description = "Write a new key ring file; refuses to replace one without --force.")
    static final class Generate extends RingFileCommand {
        @Option(names = "--force", description = "replace an existing file (what its keys protect no longer opens)")
        boolean force;

        Generate(Cli cli) {
            super(cli);
        }

        @Override
        KeyRing change(Path file) {
            if (!force && Files.exists(file)) throw usage("the key ring file " + file + " exists; --force replaces it (its keys are lost)");
            return KeyRingFile.generate(file, force);
        }
    }

    /** {@code keyring rotate}. */
    @Command(name = "rotate", description = "Add a new key as the current version, keeping the older ones for what they protect.")
    static final class Rotate extends RingFileCommand {
        Rotate(Cli cli) {
            super(cli);
        }

        @Override
        KeyRing change(Path file) {
            if (!Files.exists(file)) throw usage("no key ring file at " + file + "; keyring generate makes one");
            return KeyRingFile.rotate(file);
        }
    }

    /** A change to the key ring file; the answer names the file and versions, never a key. */
    abstract static class RingFileCommand extends SettingsCommand {
        @Option(names = "--file", paramLabel = "FILE", description = "the key ring file (default <data-dir>/keyring)")
        Path file;

        RingFileCommand(Cli cli) {
            super(cli);
        }

        @Override
        final Report run(LaunchSettings settings, Settings all) {
            Path target = file != null ? file : settings.keyRingFile();
            KeyRing ring = change(target);
            Report report = Report.of(Report.fields("file", target.toString(), "versions", ring.versions(),
                    "current", ring.currentVersion()));
            return all.string(dev.userkit.UserKitConfig.KEYS).isPresent()
                    ? report.note("USERKIT_KEYS is set: the server and this CLI use it, not this file.") : report;
        }

        abstract KeyRing change(Path file);
    }
}
