package dev.userkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * T1: the suite describes itself. Every conformance test's display name starts with its
 * FEATURES.md or SECURITY.md IDs, if any, then says {@code [required]} or, exactly when it is
 * marked {@link OptionalCapability}, {@code [optional: supportsX]}; an optional test is skipped
 * with its reason on a store without the capability, and the required ones around it run.
 */
class ConformanceConventionTest {
    private static final Pattern MARKED = Pattern.compile("^(?:[A-Z]+-?\\d+ )*(\\[required]|\\[optional: \\w+]) \\S.*");

    @Test
    @DisplayName("T1 every conformance test's name carries [required] or its optional capability, after its IDs")
    void everyTestIsMarked() {
        List<String> wrong = new ArrayList<>();
        for (TestDescriptor test : suiteTests()) {
            Method method = ((MethodSource) test.getSource().orElseThrow()).getJavaMethod();
            OptionalCapability optional = method.getAnnotation(OptionalCapability.class);
            String expected = optional == null ? "[required]" : optional.value().marker();
            var m = MARKED.matcher(test.getDisplayName());
            if (!m.matches() || !m.group(1).equals(expected)) {
                wrong.add(method.getDeclaringClass().getSimpleName() + "." + method.getName() + " should say " + expected
                        + ": " + test.getDisplayName());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    @DisplayName("T1 on a store without transactions exactly the optional rollback tests are skipped, with the reason; the rest pass")
    void optionalTestsSkipWithTheReason() {
        Map<String, SuiteRun.Outcome> outcomes = SuiteRun.outcomes(InMemoryConformanceTest.class, StoreConformanceSuite.UnitOfWorkContract.class);

        assertThat(outcomes).isNotEmpty().allSatisfy((name, outcome) -> {
            if (name.contains(Capability.TRANSACTIONS.marker())) {
                assertThat(outcome).isEqualTo(new SuiteRun.Outcome(SuiteRun.Status.SKIPPED, Capability.TRANSACTIONS.reasonWithout()));
            } else {
                assertThat(outcome.status()).as(name).isEqualTo(SuiteRun.Status.SUCCESSFUL);
            }
        });
        assertThat(outcomes.keySet()).filteredOn(n -> n.startsWith(Capability.TRANSACTIONS.marker())).hasSize(2);
    }

    /** Every test method the suite discovers: plain tests and the parameterized and factory methods. */
    private static List<TestDescriptor> suiteTests() {
        List<TestDescriptor> tests = new ArrayList<>();
        SuiteRun.discover(InMemoryConformanceTest.class).accept(d -> {
            if (d.getSource().filter(MethodSource.class::isInstance).isPresent()) tests.add(d);
        });
        assertThat(tests).as("tests discovered").hasSizeGreaterThan(250);
        return tests;
    }
}
