package dev.userkit.bench.rounds;

import dev.userkit.bench.rounds.Profiles.CpuProfile;
import dev.userkit.bench.rounds.Profiles.Share;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * The client's CPU while a column runs, from a JDK Flight Recorder recording started in process:
 * {@code jdk.ExecutionSample} (a thread running Java code) every millisecond, of the calling threads only
 * (named {@link #THREAD_PREFIX}), summarised by the library the top frame belongs to, by the first frame
 * outside the JDK (who the JDK's time is spent for), and by top method. {@code jdk.NativeMethodSample}
 * (a thread in native code, mostly waiting on a socket) is counted beside it.
 */
final class CpuSampler implements AutoCloseable {
    /** The name prefix of the threads whose samples count. */
    static final String THREAD_PREFIX = "profile-";
    private static final Duration PERIOD = Duration.ofMillis(1);
    private static final int TOP_METHODS = 12;
    private static final String EXECUTION = "jdk.ExecutionSample";
    private static final String NATIVE = "jdk.NativeMethodSample";

    private final Recording recording = new Recording();

    private CpuSampler() {
        recording.enable(EXECUTION).withPeriod(PERIOD).withStackTrace();
        recording.enable(NATIVE).withPeriod(PERIOD).withStackTrace();
        recording.setToDisk(true);
    }

    /** Starts sampling. */
    static CpuSampler start() {
        CpuSampler s = new CpuSampler();
        s.recording.start();
        return s;
    }

    /** Stops sampling and summarises what was sampled. */
    CpuProfile stop() throws IOException {
        recording.stop();
        Path file = Files.createTempFile("userkit-profile", ".jfr");
        try {
            recording.dump(file);
            return summarise(RecordingFile.readAllEvents(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public void close() {
        recording.close();
    }

    private static CpuProfile summarise(List<RecordedEvent> events) {
        Map<String, Long> byTop = new HashMap<>();
        Map<String, Long> byCaller = new HashMap<>();
        Map<String, Long> methods = new HashMap<>();
        long samples = 0;
        long nativeSamples = 0;
        for (RecordedEvent e : events) {
            RecordedThread t = e.getThread("sampledThread");
            if (t == null || t.getJavaName() == null || !t.getJavaName().startsWith(THREAD_PREFIX) || e.getStackTrace() == null) continue;
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) continue;
            if (e.getEventType().getName().equals(NATIVE)) {
                nativeSamples++;
                continue;
            }
            samples++;
            String top = frames.get(0).getMethod().getType().getName();
            byTop.merge(Library.of(top), 1L, Long::sum);
            byCaller.merge(firstOutsideJdk(frames), 1L, Long::sum);
            methods.merge(top + "." + frames.get(0).getMethod().getName(), 1L, Long::sum);
        }
        return new CpuProfile(samples, nativeSamples, Share.of(byTop, samples, Integer.MAX_VALUE),
                Share.of(byCaller, samples, Integer.MAX_VALUE), Share.of(methods, samples, TOP_METHODS));
    }

    // the library on whose behalf the JDK code at the top runs: the first frame down the stack that is not the JDK's
    private static String firstOutsideJdk(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String library = Library.of(f.getMethod().getType().getName());
            if (!library.equals(Library.JDK)) return library;
        }
        return Library.JDK;
    }

    /** The library a class belongs to, by package. */
    static final class Library {
        static final String JDK = "JDK";
        private static final List<Map.Entry<String, String>> PREFIXES = List.of(
                Map.entry("dev.userkit.bench.", "bench harness"),
                Map.entry("dev.userkit.", "UserKit"),
                Map.entry("org.postgresql.", "JDBC driver"),
                Map.entry("org.mariadb.", "JDBC driver"),
                Map.entry("com.zaxxer.hikari.", "HikariCP"),
                Map.entry("com.password4j.", "Password4j"),
                Map.entry("com.fasterxml.jackson.", "Jackson"),
                Map.entry("com.github.benmanes.caffeine.", "Caffeine"),
                Map.entry("org.springframework.", "Spring"),
                Map.entry("com.ibm.icu.", "ICU4J"),
                Map.entry("com.fasterxml.uuid.", "java-uuid-generator"),
                Map.entry("java.", JDK), Map.entry("javax.", JDK), Map.entry("jdk.", JDK), Map.entry("sun.", JDK), Map.entry("com.sun.", JDK));

        private Library() {}

        static String of(String className) {
            for (Map.Entry<String, String> p : PREFIXES) {
                if (className.startsWith(p.getKey())) return p.getValue();
            }
            return "other";
        }
    }
}
