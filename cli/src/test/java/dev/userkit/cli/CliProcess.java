package dev.userkit.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar run the way a person runs it: {@code java -jar userkit-cli.jar ARGS} in a working
 * folder, with only the {@code USERKIT_*} variables given, standard input written and closed.
 */
final class CliProcess {
    private CliProcess() {}

    /** Runs one command to its end; its exit code, standard output and error. */
    static CliRun run(Path workDir, Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("userkit.cli.jar");
        if (jar == null) throw new IllegalStateException("userkit.cli.jar is not set: run this test through failsafe (mvn verify)");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().keySet().removeIf(name -> name.startsWith("USERKIT_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("userkit-cli " + String.join(" ", args) + " did not end within 3 minutes");
        }
        CliRun run = new CliRun(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return run;
    }
}
