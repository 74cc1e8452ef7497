package dev.userkit.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs tests of one nested class of a conformance suite through the JUnit Platform
 * {@link EngineTestKit} and answers each test's outcome by display name, or discovers a suite's tests. A test is chosen by its
 * display name; a parameterized test by its method's display name, or by one invocation's name,
 * which begins with it.
 */
final class SuiteRun {
    private static final String JUPITER = "junit-jupiter";

    /** How a test ended. */
    enum Status { SUCCESSFUL, FAILED, ABORTED, SKIPPED }

    /**
     * What happened to one test.
     *
     * @param status how it ended
     * @param message the failure's message, the skip reason, or empty
     */
    record Outcome(Status status, String message) {}

    private SuiteRun() {}

    /** The outcomes of the test of {@code nested} named {@code name} (every invocation of it), run on {@code suite}. */
    static Map<String, Outcome> outcomes(Class<? extends StoreConformanceSuite> suite, Class<?> nested, String name) {
        return outcomes(selectNestedMethod(List.of(suite), nested, methodNamed(nested, name)));
    }

    /** The outcomes of every test of {@code nested}, run on {@code suite}. */
    static Map<String, Outcome> outcomes(Class<? extends StoreConformanceSuite> suite, Class<?> nested) {
        return outcomes(selectNestedClass(List.of(suite), nested));
    }

    /** The tree of tests {@code suite} holds, discovered and not run. */
    static TestDescriptor discover(Class<? extends StoreConformanceSuite> suite) {
        return EngineTestKit.engine(JUPITER).selectors(selectClass(suite)).discover().getEngineDescriptor();
    }

    private static Map<String, Outcome> outcomes(DiscoverySelector selector) {
        Events events = EngineTestKit.engine(JUPITER).selectors(selector).execute().testEvents();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        events.skipped().stream().forEach(e -> outcomes.put(e.getTestDescriptor().getDisplayName(),
                new Outcome(Status.SKIPPED, e.getRequiredPayload(String.class))));
        events.finished().stream().forEach(e -> outcomes.put(e.getTestDescriptor().getDisplayName(),
                outcome(e.getRequiredPayload(TestExecutionResult.class))));
        return outcomes;
    }

    private static Outcome outcome(TestExecutionResult result) {
        String message = result.getThrowable().map(String::valueOf).orElse("");
        return new Outcome(Status.valueOf(result.getStatus().name()), message);
    }

    /** The test method of {@code nested} or its superclasses whose display name {@code name} begins with. */
    private static Method methodNamed(Class<?> nested, String name) {
        return Stream.<Class<?>>iterate(nested, c -> c != null, Class::getSuperclass)
                .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(DisplayName.class) && name.startsWith(m.getAnnotation(DisplayName.class).value()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(nested.getSimpleName() + " has no test named " + name));
    }
}
