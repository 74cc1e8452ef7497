package dev.userkit.testkit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Skips an {@link OptionalCapability} test, with the reason, when the suite it runs in lacks the capability. */
final class CapabilityCondition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Capability needed = context.getElement()
                .flatMap(e -> AnnotationSupport.findAnnotation(e, OptionalCapability.class))
                .map(OptionalCapability::value)
                .orElse(null);
        if (needed == null) return ConditionEvaluationResult.enabled("not an optional test");
        boolean declared = EnclosingSuite.of(context).map(needed::isDeclaredBy).orElse(true);
        return declared
                ? ConditionEvaluationResult.enabled(needed.marker() + " the store declares it")
                : ConditionEvaluationResult.disabled(needed.reasonWithout());
    }
}
