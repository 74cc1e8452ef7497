package dev.userkit.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar run the way a person runs it: {@code java -jar userkit-server.jar --port 0} in
 * its own working folder, standard output and error captured line by line.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("UserKit server listening on (http://\\S+)");
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final String baseUrl;
    private final Thread reader;

    private ServerProcess(Process process) throws InterruptedException {
        this.process = process;
        this.reader = new Thread(this::read, "server-output");
        reader.setDaemon(true);
        reader.start();
        this.baseUrl = awaitListening(Duration.ofMinutes(2));
    }

    /** Starts the jar named by the {@code userkit.server.jar} property in {@code workDir}. */
    static ServerProcess start(Path workDir, String... flags) throws IOException, InterruptedException {
        String jar = System.getProperty("userkit.server.jar");
        if (jar == null) throw new IllegalStateException("userkit.server.jar is not set: run this test through failsafe (mvn verify)");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar, "--port", "0"));
        command.addAll(List.of(flags));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(name -> name.startsWith("USERKIT_"));
        return new ServerProcess(pb.start());
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Everything the process wrote so far, standard output and error together. */
    synchronized String output() {
        return String.join("\n", lines);
    }

    /** The password printed on first start, or null if none was printed. */
    synchronized String rootPassword() {
        return rootPasswordIn(lines);
    }

    /** The root password a server printed on its first start, from its output lines, or null. */
    static String rootPasswordIn(List<String> lines) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).contains("Its password, shown this once")) return lines.get(i + 1).strip();
        }
        return null;
    }

    /** SIGTERM, then waits for the graceful stop; the exit code. */
    int stop() throws InterruptedException {
        // the handle's destroy is SIGTERM alone; Process.destroy also closes the pipes, losing the last lines
        process.toHandle().destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The server did not stop within 60 s of SIGTERM:\n" + output());
        }
        reader.join(10_000); // the last lines, written just before the exit
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) stop();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private synchronized String awaitListening(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        int seen = 0;
        while (System.nanoTime() < end) {
            for (; seen < lines.size(); seen++) {
                Matcher m = LISTENING.matcher(lines.get(seen));
                if (m.find()) return m.group(1);
            }
            if (!process.isAlive() && seen == lines.size()) break;
            wait(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The server did not start:\n" + String.join("\n", lines));
    }
}
