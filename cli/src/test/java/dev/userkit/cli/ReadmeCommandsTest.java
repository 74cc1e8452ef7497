package dev.userkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The README's "Admin CLI" table names exactly the commands the command line has (W6). */
class ReadmeCommandsTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z][a-z ]*)` \\|", Pattern.MULTILINE);

    @Test
    @DisplayName("W6 every command in the README's Admin CLI table exists in the picocli spec, and every command of the spec is in the table")
    void readmeTableMatchesTheCommandLine() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("\n## Admin CLI");
        assertThat(start).as("the README has an Admin CLI section").isPositive();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Set<String> documented = new TreeSet<>();
        Matcher m = ROW.matcher(section.substring(section.indexOf("| command |")));
        while (m.find()) documented.add(m.group(1));

        Set<String> commands = new TreeSet<>();
        collect(UserKitCli.commandLine(Cli.standard()), commands);
        assertThat(commands).as("the command line's commands").hasSizeGreaterThan(10);
        assertThat(documented).as("the README table, both ways").isEqualTo(commands);
    }

    /** Every leaf command, by its qualified name without the program's. */
    private static void collect(CommandLine line, Set<String> into) {
        Map<String, CommandLine> subs = line.getSubcommands();
        if (subs.isEmpty()) {
            into.add(line.getCommandSpec().qualifiedName().substring("userkit-cli ".length()));
            return;
        }
        subs.values().forEach(sub -> collect(sub, into));
    }
}
