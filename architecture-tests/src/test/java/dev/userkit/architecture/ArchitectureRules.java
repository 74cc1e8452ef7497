package dev.userkit.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;

/**
 * The architecture of the whole build as rules (ARCHITECTURE.md, buckpal's DependencyRuleTests):
 * arrows point into core, core's inside stays inside, adapters show only their modules' public
 * faces, and adapters never lean on one another. {@link ArchitectureTest} checks them against
 * every module; {@link RulesCatchViolationsTest} proves that each one fails on a violation.
 */
final class ArchitectureRules {
    /** The adapter modules' packages: the stores and the SMTP mailer (driven), the HTTP edge (driving). */
    static final String[] ADAPTERS = {"dev.userkit.store..", "dev.userkit.mail.smtp..", "dev.userkit.http.."};

    /**
     * The driving adapters' packages: they call core's services and nothing below them. The server's
     * web layer is one, and so is the admin CLI; the server's root package and {@code dev.userkit.launch}
     * (shared by the server and the CLI) are the composition roots that open the store through the
     * store modules' public faces and hand it to the kit, so they are not. The same for the Spring Boot
     * starter: its Spring Security adapters are driving adapters, its auto-configuration
     * ({@code dev.userkit.spring.boot}) is a composition root.
     */
    static final String[] DRIVING_ADAPTERS = {"dev.userkit.http..", "dev.userkit.pages..", "dev.userkit.server.web..",
            "dev.userkit.cli..", "dev.userkit.spring.security.."};

    /**
     * The local inbox ships with the pages but is a driven adapter: a {@code Mailer} (a port) and the
     * page that shows what it received ({@code MailMessage}); the kit delivers to it, no page calls it.
     */
    static final String PAGES_INBOX = "dev.userkit.pages.Inbox";

    /** Nothing outside core (adapters, testkit, demo, benchmarks, their tests) uses core's inside. */
    static final ArchRule NON_API_STAYS_IN_CORE = noClasses().that(CoreApi.CORE.negate())
            .should().dependOnClassesThat(CoreApi.CORE_ONLY)
            .because("only core's API packages (CoreApi.API) are promised to other modules");

    /**
     * A store or mailer class that implements a port is package-private: a module's public face
     * is its Guice module, its settings, its schema helper and its factory. An interface that
     * refines a port for the face's callers (the SMTP module's {@code CloseableMailer}: a mailer
     * the application closes) is part of that face, not an implementation.
     */
    static final ArchRule ADAPTERS_ARE_PACKAGE_PRIVATE = classes().that().resideInAnyPackage(ADAPTERS).and().areNotInterfaces()
            .and(assignableTo(INTERFACES.and(resideInAPackage("dev.userkit.spi"))))
            .should().notBePublic()
            .because("an adapter is reached through its module's public face, never by its class");

    /** Store modules do not use one another; only the two SQL stores build on the shared JDBC module. */
    static final ArchRule STORES_ARE_INDEPENDENT = slices().matching("dev.userkit.store.(*)..").namingSlices("store-$1")
            .should().notDependOnEachOther()
            .ignoreDependency(resideInAnyPackage("dev.userkit.store.postgres..", "dev.userkit.store.mariadb.."),
                    resideInAPackage("dev.userkit.store.jdbc.."));

    /** Core knows no adapter, no test library, no storage, mail or metrics technology (W6: metrics come in through its Instrumentation hook). */
    static final ArchRule CORE_KNOWS_NO_ADAPTER = noClasses().that(CoreApi.CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.userkit.store..", "dev.userkit.mail.smtp..", "dev.userkit.http..", "dev.userkit.pages..", "dev.userkit.testkit..",
                    "dev.userkit.launch..", "dev.userkit.cli..", "dev.userkit.spring..", "org.springframework..",
                    "dev.userkit.demo..", "dev.userkit.bench..", "java.sql..", "javax.sql..", "com.mongodb..", "org.bson..",
                    "com.zaxxer.hikari..", "jakarta.mail..", "javax.mail..", "org.eclipse.angus..", "jakarta.servlet..",
                    "dev.userkit.micrometer..", "io.micrometer..");

    /**
     * A driving adapter (the HTTP edge) calls core's services and never reaches into a store: no
     * port, no store module, not the in-memory store, no mail adapter (ARCHITECTURE.md, "The edge").
     * Checked against main classes: its tests run the edge on the in-memory store.
     */
    static final ArchRule DRIVING_ADAPTERS_USE_SERVICES_ONLY = noClasses().that().resideInAnyPackage(DRIVING_ADAPTERS)
            .and(not(nameStartingWith(PAGES_INBOX)))
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.userkit.spi..", "dev.userkit.store..", "dev.userkit.memory..", "dev.userkit.mail..")
            .because("a driving adapter goes through the services, so every rule of core applies to its requests");

    /**
     * The domain depends only on java.*, ICU4J, the UUID generator and ErrorCode / UserKitException.
     * ICU4J is the JDK's own Unicode support grown up (java.text came from it): the value types need
     * its UTS #39 skeletons and character properties to canonicalise names (SEC-23).
     */
    static final ArchRule DOMAIN_IS_PLAIN = classes().that().resideInAPackage("dev.userkit.domain..")
            .should().onlyDependOnClassesThat(or(resideInAnyPackage("java..", "com.ibm.icu..", "com.fasterxml.uuid..",
                    "dev.userkit.domain.."), equivalentTo(ErrorCode.class), equivalentTo(UserKitException.class)));

    /** The ports know no service. */
    static final ArchRule PORTS_KNOW_NO_SERVICES = noClasses().that().resideInAPackage("dev.userkit.spi..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.userkit.accounts..", "dev.userkit.sessions..", "dev.userkit.recovery..", "dev.userkit.access..");

    /**
     * Core's areas form layers: no two of its packages (the root aside) depend on each other, however
     * indirectly, both ways. Checked against core's classes alone.
     */
    static final ArchRule CORE_AREAS_ARE_FREE_OF_CYCLES = slices().matching("dev.userkit.(*)..").should().beFreeOfCycles();

    private ArchitectureRules() {}
}
