package dev.userkit.bench;

import dev.userkit.UserKit;
import dev.userkit.access.AccessControl;
import dev.userkit.access.Decision;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Verb;
import dev.userkit.memory.InMemoryStores;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a check costs as a role grows (R2, R4): {@link AccessControl#authorizeRoles} of a path that
 * no permission of a role with {@code permissions} permissions matches, so the check reads them all, on
 * the in-memory store. The baseline is the same check against a role with one permission; a check
 * that grows with the role by more than the matching itself shows here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RolePermissionsBenchmark {
    private static final Set<String> ROLE = Set.of("wide");
    private static final Set<String> SMALL = Set.of("small");
    private static final String PATH = "/api/orders/12345/lines/7";

    @Param({"1", "50"})
    int permissions;

    private AccessControl access;

    /** A role of {@code permissions} patterns of three segments each, and one of a single pattern. */
    @Setup(Level.Trial)
    public void roles() {
        access = UserKit.builder().stores(InMemoryStores.create()).build().access();
        access.createRole("wide", "many permissions");
        for (int i = 0; i < permissions; i++) {
            access.addPermission("wide", new Permission("p" + i, "/api/area" + i + "/*/items/**", EnumSet.of(Verb.GET)));
        }
        access.createRole("small", "one permission");
        access.addPermission("small", new Permission("p", "/api/area/*/items/**", EnumSet.of(Verb.GET)));
    }

    /** Baseline: the check against the one-permission role. */
    @Benchmark
    public Decision baselineOnePermission() {
        return access.authorizeRoles(SMALL, Verb.GET, PATH);
    }

    /** The check against the role of {@code permissions} permissions, none of which matches. */
    @Benchmark
    public Decision noneOfTheRolesPermissionsMatches() {
        return access.authorizeRoles(ROLE, Verb.GET, PATH);
    }
}
