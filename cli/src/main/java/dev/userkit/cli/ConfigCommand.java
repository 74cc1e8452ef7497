package dev.userkit.cli;

import dev.userkit.KeyRing;
import dev.userkit.UserKitConfig;
import dev.userkit.config.Settings;
import dev.userkit.launch.KeyRingFile;
import dev.userkit.launch.LaunchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import picocli.CommandLine.Command;

/**
 * {@code config}: the effective configuration, every secret masked ({@link SecretMask}): the
 * launch settings with their defaults, the key ring (its versions, never a key), and every other
 * {@code USERKIT_*} setting the flags, the environment or the properties file hold, each with its source.
 */
@Command(name = "config", description = "Show the effective configuration with every secret masked.")
final class ConfigCommand extends SettingsCommand {
    private static final List<String> COLUMNS = List.of("setting", "value", "from");

    ConfigCommand(Cli cli) {
        super(cli);
    }

    @Override
    Report run(LaunchSettings settings, Settings all) {
        List<Map<String, Object>> rows = new ArrayList<>();
        launchRow(rows, all, LaunchSettings.STORE, settings.store().flagValue());
        launchRow(rows, all, LaunchSettings.DATA_DIR, settings.dataDir().toString());
        launchRow(rows, all, LaunchSettings.SCHEMA, all.string(LaunchSettings.SCHEMA).orElse("migrate"));
        launchRow(rows, all, LaunchSettings.ROOT_USER, settings.rootUser());
        launchRow(rows, all, LaunchSettings.ROOT_EMAIL, settings.rootEmail());
        rows.add(keyRingRow(settings, all));
        SortedSet<String> others = new TreeSet<>(all.names());
        others.removeAll(List.of(LaunchSettings.STORE, LaunchSettings.DATA_DIR, LaunchSettings.SCHEMA,
                LaunchSettings.ROOT_USER, LaunchSettings.ROOT_EMAIL, UserKitConfig.KEYS));
        for (String name : others) {
            rows.add(Report.fields("setting", name, "value", SecretMask.mask(name, all.string(name).orElse("")),
                    "from", all.origin(name).orElse("")));
        }
        return Report.list(COLUMNS, rows);
    }

    private static void launchRow(List<Map<String, Object>> rows, Settings all, String name, String effective) {
        rows.add(Report.fields("setting", name, "value", SecretMask.mask(name, effective), "from", all.origin(name).orElse("default")));
    }

    private static Map<String, Object> keyRingRow(LaunchSettings settings, Settings all) {
        if (all.string(UserKitConfig.KEYS).isPresent()) {
            KeyRing ring = KeyRing.from(all, UserKitConfig.KEYS).orElseThrow();
            return Report.fields("setting", UserKitConfig.KEYS, "value", SecretMask.MASK + " (versions " + ring.versions()
                    + ", current " + ring.currentVersion() + ")", "from", all.origin(UserKitConfig.KEYS).orElse(""));
        }
        Path file = settings.keyRingFile();
        String value = Files.exists(file) ? SecretMask.MASK + " (versions " + KeyRingFile.load(file).versions() + ", file " + file + ")"
                : "none yet: the first start writes " + file;
        return Report.fields("setting", UserKitConfig.KEYS, "value", value, "from", "key ring file");
    }
}
