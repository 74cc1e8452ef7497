package dev.userkit.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

/**
 * The one place that says which of core's packages are its API: what applications, store
 * modules, the testkit, the demo and the benchmarks may use. Everything else in core is how core
 * works inside and may change in any release. A new package in core belongs in exactly one of
 * the two lists, or {@link ArchitectureTest} fails.
 */
final class CoreApi {
    /**
     * The API: the facade, configuration and errors ({@code dev.userkit}), the value types and
     * the ground floor (ids, the millisecond clock), settings read from outside, the ports, the hooks, the in-memory store, the
     * secrets (what a store holds of a token), password hashing (what a store holds of a
     * password), and the service packages' facades and result types (the outbox's and maintenance's among them).
     */
    static final String[] API = {
        "dev.userkit", "dev.userkit.domain", "dev.userkit.config", "dev.userkit.spi", "dev.userkit.hooks", "dev.userkit.memory",
        "dev.userkit.crypto", "dev.userkit.passwords", "dev.userkit.messages",
        "dev.userkit.accounts", "dev.userkit.sessions", "dev.userkit.recovery", "dev.userkit.access", "dev.userkit.outbox",
        "dev.userkit.maintenance",
    };

    /**
     * Core's inside: the assembly (the context every service is built over and the helpers built
     * once over it), the helpers of each area, the validation cache the kit installs in its stores, and
     * the outbox's queue, payload encryption and sender.
     */
    static final String[] NON_API = {
        "dev.userkit.assembly", "dev.userkit.users", "dev.userkit.codes", "dev.userkit.throttling",
        "dev.userkit.events", "dev.userkit.cache", "dev.userkit.delivery",
    };

    /** Every package of core. */
    static final DescribedPredicate<JavaClass> CORE =
            resideInAnyPackage(API).or(resideInAnyPackage(NON_API)).as("core");

    /**
     * What only core may use: the non-API packages, and the factory of each service package, which
     * only {@code UserKit.builder()} and {@code UserKitModule} call (services have no public
     * constructor).
     */
    static final DescribedPredicate<JavaClass> CORE_ONLY = resideInAnyPackage(NON_API)
            .or(resideInAnyPackage(API).and(simpleNameEndingWith("Factory")))
            .as("core's non-API packages or service factories");

    private CoreApi() {}
}
