package dev.userkit.cli;

import dev.userkit.config.Settings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One command run in-process over a kit source: its exit code, standard output and error. */
record CliRun(int code, String out, String err) {
    static CliRun run(KitSource kits, Map<String, String> settings, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(kits, Settings.of(settings), new PrintStream(out, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), settings::get);
        var line = UserKitCli.commandLine(cli);
        line.setErr(new PrintWriter(err, true));
        int code = line.execute(args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    /** Output and error together, for asserting that a secret appears in neither. */
    String all() {
        return out + "\n" + err;
    }
}
