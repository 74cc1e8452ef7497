package dev.userkit.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where a command reads a password: the first line of standard input or a named environment
 * variable, never a flag's value (flags land in the shell history and in {@code ps}). A picocli mixin.
 */
final class Secrets {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;
    @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
    boolean fromStdin;
    @Option(names = "--password-env", paramLabel = "VARIABLE", description = "read the password from this environment variable")
    String fromEnv;

    /** Whether a source was named. */
    boolean given() {
        return fromStdin || fromEnv != null;
    }

    /** The password from the named source; a usage error naming the flag when both or an empty one are named. */
    String read(Cli cli) {
        if (fromStdin && fromEnv != null) throw usage("--password-stdin and --password-env exclude each other");
        if (fromStdin) {
            String line;
            try {
                line = new BufferedReader(new InputStreamReader(cli.in(), StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read standard input", e);
            }
            if (line == null || line.isEmpty()) throw usage("--password-stdin: standard input held no password");
            return line;
        }
        String value = cli.env().apply(fromEnv);
        if (value == null || value.isEmpty()) throw usage("--password-env: the variable " + fromEnv + " is not set");
        return value;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
