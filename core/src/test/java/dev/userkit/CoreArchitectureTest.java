package dev.userkit;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.userkit.domain.User;
import dev.userkit.spi.UserStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The layering of core (ARCHITECTURE.md): a plain domain, ports that know no services, and no
 * storage or mail technology anywhere in core, so that every adapter lives in its own module.
 */
class CoreArchitectureTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.userkit");
    }

    @Test
    @DisplayName("domain depends only on java.*, ICU4J and on ErrorCode / UserKitException")
    void domainIsPlain() {
        // ICU4J is the JDK's own Unicode support grown up (java.text came from it): the value types
        // need its UTS #39 skeletons and character properties to canonicalise names (SEC-23)
        classes().that().resideInAPackage("dev.userkit.domain..")
                .should().onlyDependOnClassesThat(or(resideInAnyPackage("java..", "com.ibm.icu..", "dev.userkit.domain.."),
                        equivalentTo(ErrorCode.class), equivalentTo(UserKitException.class)))
                .check(core);
    }

    @Test
    @DisplayName("core depends on no adapter package, JDBC, MongoDB, HikariCP or Jakarta Mail")
    void coreKnowsNoAdapterTechnology() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "dev.userkit.store..", "dev.userkit.mail..", "java.sql..", "javax.sql..", "com.mongodb..",
                        "org.bson..", "com.zaxxer.hikari..", "jakarta.mail..", "javax.mail..", "org.eclipse.angus..")
                .check(core);
    }

    @Test
    @DisplayName("spi does not depend on the service packages (accounts, sessions, recovery, access)")
    void portsKnowNoServices() {
        noClasses().that().resideInAPackage("dev.userkit.spi..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.userkit.accounts..", "dev.userkit.sessions..", "dev.userkit.recovery..", "dev.userkit.access..")
                .check(core);
    }

    @Test
    @DisplayName("the import found core's classes (the rules above are not vacuous)")
    void importSeesCore() {
        assertThat(core.contain(User.class)).isTrue();
        assertThat(core.contain(UserStore.class)).isTrue();
        assertThat(core.contain(UserKit.class)).isTrue();
    }
}
