package dev.userkit.cli;

import dev.userkit.UserKit;
import dev.userkit.launch.LaunchSettings;
import dev.userkit.maintenance.MaintenanceReport;
import dev.userkit.maintenance.PurgeKind;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code purge}: one maintenance run now (W6), under the store's lease like the server's scheduled runs (REL-9). */
@Command(name = "purge", description = "Run the maintenance once: purge expired sessions, unverified accounts, codes, counters, old outbox rows.")
final class PurgeCommand extends KitCommand {
    PurgeCommand(Cli cli) {
        super(cli);
    }

    @Override
    Report run(UserKit kit, LaunchSettings settings) {
        MaintenanceReport report = kit.maintenance().runOnce();
        Map<String, Object> fields = Report.fields("lockHeld", report.lockHeld(), "complete", report.complete());
        for (PurgeKind kind : PurgeKind.values()) fields.put(kind.name().toLowerCase(Locale.ROOT), report.purged(kind));
        fields.put("total", report.total());
        fields.put("millis", report.duration().toMillis());
        Report answer = Report.of(fields);
        return report.lockHeld() ? answer : answer.note("Another instance held the maintenance lease: nothing was purged.");
    }
}
