package dev.userkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import dev.userkit.UserKit;
import dev.userkit.domain.User;
import dev.userkit.spi.UserStore;
import java.nio.file.Files;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link ArchitectureRules} held against every module of the build. */
class ArchitectureTest {
    private static JavaClasses main;
    private static JavaClasses mainAndTest;

    @BeforeAll
    static void importBuild() {
        main = BuildClasses.main();
        mainAndTest = BuildClasses.mainAndTest();
    }

    @Test
    @DisplayName("nothing outside core (main or test code) uses core's non-API packages or service factories")
    void nonApiStaysInCore() {
        ArchitectureRules.NON_API_STAYS_IN_CORE.check(mainAndTest);
    }

    @Test
    @DisplayName("store and mailer classes implementing a port are package-private")
    void adaptersArePackagePrivate() {
        ArchitectureRules.ADAPTERS_ARE_PACKAGE_PRIVATE.check(main);
    }

    @Test
    @DisplayName("store modules never use each other; only store-postgres and store-mariadb use store-jdbc")
    void storesAreIndependent() {
        ArchitectureRules.STORES_ARE_INDEPENDENT.check(mainAndTest);
    }

    @Test
    @DisplayName("core depends on no adapter, test library, JDBC, MongoDB, HikariCP, Jakarta Mail or the Servlet API")
    void coreKnowsNoAdapter() {
        ArchitectureRules.CORE_KNOWS_NO_ADAPTER.check(main);
    }

    @Test
    @DisplayName("the driving adapters (HTTP edge, pages, server web layer, admin CLI) use core's services only: no port, store, in-memory store or mailer")
    void drivingAdaptersUseServicesOnly() {
        ArchitectureRules.DRIVING_ADAPTERS_USE_SERVICES_ONLY.check(main);
    }

    @Test
    @DisplayName("domain depends only on java.*, ICU4J, the UUID generator and ErrorCode / UserKitException")
    void domainIsPlain() {
        ArchitectureRules.DOMAIN_IS_PLAIN.check(main);
    }

    @Test
    @DisplayName("spi does not depend on the service packages (accounts, sessions, recovery, access)")
    void portsKnowNoServices() {
        ArchitectureRules.PORTS_KNOW_NO_SERVICES.check(main);
    }

    @Test
    @DisplayName("core's packages depend on each other without cycles")
    void coreAreasAreFreeOfCycles() {
        ArchitectureRules.CORE_AREAS_ARE_FREE_OF_CYCLES.check(main.that(CoreApi.CORE));
    }

    @Test
    @DisplayName("every package of core is listed as API or non-API in CoreApi")
    void everyCorePackageIsClassified() {
        Set<String> unlisted = BuildClasses.mainOf("core").stream().filter(c -> !CoreApi.CORE.test(c))
                .map(JavaClass::getPackageName).collect(Collectors.toSet());
        assertThat(unlisted).as("packages of core in neither CoreApi.API nor CoreApi.NON_API").isEmpty();
    }

    @Test
    @DisplayName("the import read every module with sources (the rules above are not vacuous)")
    void importSeesEveryModule() {
        assertThat(main.contain(User.class)).isTrue();
        assertThat(main.contain(UserStore.class)).isTrue();
        assertThat(main.contain(UserKit.class)).isTrue();
        for (String module : BuildClasses.modules()) {
            if (!Files.isDirectory(BuildClasses.root().resolve(module).resolve("src/main/java"))) continue;
            assertThat(BuildClasses.mainOf(module)).as("classes of " + module + " (is it built?)").isNotEmpty();
        }
    }
}
