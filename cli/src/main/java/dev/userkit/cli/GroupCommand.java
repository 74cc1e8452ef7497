package dev.userkit.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A noun without its verb ({@code users}, {@code schema}...): a usage error listing the verbs (exit 2). */
abstract class GroupCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing a command after '" + spec.qualifiedName() + "': one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
