package dev.userkit.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link UserKitPropertyException} into Boot's start-up report: which property, what is wrong, what to do. */
public final class UserKitPropertyFailureAnalyzer extends AbstractFailureAnalyzer<UserKitPropertyException> {
    /** Registered in {@code META-INF/spring.factories}. */
    public UserKitPropertyFailureAnalyzer() {}

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UserKitPropertyException cause) {
        return new FailureAnalysis("UserKit could not start: " + cause.getMessage(),
                "Correct the property " + cause.property() + " in the application's configuration (see the UserKit README's"
                        + " configuration table for its format and range).", cause);
    }
}
