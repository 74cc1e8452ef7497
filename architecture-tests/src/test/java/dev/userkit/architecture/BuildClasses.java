package dev.userkit.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The compiled classes of every module of the build, read from each module's {@code target}
 * directory (the reactor builds them before this module, which depends on all of them). Reading
 * directories rather than the classpath also sees the modules' test classes, which the rules
 * cover too (a store test may not reach into core either).
 */
final class BuildClasses {
    /** This module: its test classes hold the deliberate violations, so it is left out. */
    private static final String SELF = "architecture-tests";

    private BuildClasses() {}

    /** The root of the build, as the POM passes it. */
    static Path root() {
        String root = System.getProperty("userkit.root");
        if (root == null) throw new IllegalStateException("System property userkit.root is not set: run through Maven");
        return Path.of(root).toAbsolutePath().normalize();
    }

    /** The directory name of every module but this one: each directory of the root with a pom.xml. */
    static List<String> modules() {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .map(d -> d.getFileName().toString()).filter(name -> !name.equals(SELF)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The main classes of every module. */
    static JavaClasses main() {
        return read("classes");
    }

    /** The main and test classes of every module. */
    static JavaClasses mainAndTest() {
        return read("classes", "test-classes");
    }

    /** The main classes of one module (empty if it has none). */
    static JavaClasses mainOf(String module) {
        return new ClassFileImporter().importPaths(existing(List.of(root().resolve(module).resolve("target/classes"))));
    }

    private static JavaClasses read(String... outputs) {
        List<Path> dirs = modules().stream().flatMap(m -> Stream.of(outputs).map(o -> root().resolve(m).resolve("target").resolve(o)))
                .toList();
        return new ClassFileImporter().importPaths(existing(dirs));
    }

    private static List<Path> existing(List<Path> dirs) {
        return dirs.stream().filter(Files::isDirectory).toList();
    }
}
