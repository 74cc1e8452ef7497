package dev.userkit.bench.rounds;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The machine a run measured on: absolute figures mean little without it, and even ratios move with load.
 *
 * @param cores processors the JVM sees
 * @param cpu the processor's model name, or "unknown"
 * @param java the JVM's vendor, name and version
 * @param os the operating system's name, version and architecture
 * @param maxHeapMiB the JVM's heap limit
 */
record Machine(int cores, String cpu, String java, String os, long maxHeapMiB) {
    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");
    private static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");

    static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("java.vendor") + " " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** The 1, 5 and 15 minute load averages (only the first where the system has no /proc/loadavg). */
    static List<Double> loadAverage() {
        try {
            String[] fields = Files.readString(LOAD_AVERAGE).trim().split("\\s+");
            return Arrays.stream(fields, 0, 3).map(Double::valueOf).toList();
        } catch (IOException | RuntimeException e) {
            return List.of(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String cpuModel() {
        try (var lines = Files.lines(CPU_INFO)) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
