package dev.userkit.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.userkit.architecture.violations.BuildsAServiceItself;
import dev.userkit.architecture.violations.UsesCoreInside;
import dev.userkit.assembly.AdapterInCore;
import dev.userkit.domain.DomainUsingAPort;
import dev.userkit.events.CycleToUsers;
import dev.userkit.http.violating.EdgeReachingIntoAStore;
import dev.userkit.spi.PortUsingAService;
import dev.userkit.store.postgres.PostgresSettings;
import dev.userkit.store.violating.PublicUserStore;
import dev.userkit.store.violating.UsesPostgresStore;
import dev.userkit.users.CycleToEvents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A rule that cannot fail proves nothing: each rule of {@link ArchitectureRules}, held against
 * a class of this module's test sources that breaks it on purpose, fails and names that class.
 */
class RulesCatchViolationsTest {

    @Test
    @DisplayName("a class outside core holding a type of core's inside breaks NON_API_STAYS_IN_CORE")
    void nonApiUseOutsideCoreFails() {
        assertFailsNaming(ArchitectureRules.NON_API_STAYS_IN_CORE, UsesCoreInside.class);
    }

    @Test
    @DisplayName("a class outside core calling a service factory breaks NON_API_STAYS_IN_CORE")
    void serviceFactoryOutsideCoreFails() {
        assertFailsNaming(ArchitectureRules.NON_API_STAYS_IN_CORE, BuildsAServiceItself.class);
    }

    @Test
    @DisplayName("a public store class implementing a port breaks ADAPTERS_ARE_PACKAGE_PRIVATE")
    void publicAdapterFails() {
        assertFailsNaming(ArchitectureRules.ADAPTERS_ARE_PACKAGE_PRIVATE, PublicUserStore.class);
    }

    @Test
    @DisplayName("a store package using store-postgres breaks STORES_ARE_INDEPENDENT")
    void storeUsingAnotherStoreFails() {
        assertFailsNaming(ArchitectureRules.STORES_ARE_INDEPENDENT, UsesPostgresStore.class, PostgresSettings.class);
    }

    @Test
    @DisplayName("a core class using a store module breaks CORE_KNOWS_NO_ADAPTER")
    void coreUsingAnAdapterFails() {
        assertFailsNaming(ArchitectureRules.CORE_KNOWS_NO_ADAPTER, AdapterInCore.class);
    }

    @Test
    @DisplayName("the HTTP edge opening a store breaks DRIVING_ADAPTERS_USE_SERVICES_ONLY")
    void edgeReachingIntoAStoreFails() {
        assertFailsNaming(ArchitectureRules.DRIVING_ADAPTERS_USE_SERVICES_ONLY, EdgeReachingIntoAStore.class);
    }

    @Test
    @DisplayName("a domain class using a port breaks DOMAIN_IS_PLAIN")
    void domainUsingAPortFails() {
        assertFailsNaming(ArchitectureRules.DOMAIN_IS_PLAIN, DomainUsingAPort.class);
    }

    @Test
    @DisplayName("a port using a service breaks PORTS_KNOW_NO_SERVICES")
    void portUsingAServiceFails() {
        assertFailsNaming(ArchitectureRules.PORTS_KNOW_NO_SERVICES, PortUsingAService.class);
    }

    @Test
    @DisplayName("two core packages using each other break CORE_AREAS_ARE_FREE_OF_CYCLES")
    void cycleBetweenCorePackagesFails() {
        assertFailsNaming(ArchitectureRules.CORE_AREAS_ARE_FREE_OF_CYCLES, CycleToUsers.class, CycleToEvents.class);
    }

    // the first class is the offender the failure must name; the others complete the picture
    private static void assertFailsNaming(ArchRule rule, Class<?> offender, Class<?>... others) {
        Class<?>[] all = new Class<?>[others.length + 1];
        all[0] = offender;
        System.arraycopy(others, 0, all, 1, others.length);
        assertThatThrownBy(() -> rule.check(new ClassFileImporter().importClasses(all)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(offender.getName());
    }
}
