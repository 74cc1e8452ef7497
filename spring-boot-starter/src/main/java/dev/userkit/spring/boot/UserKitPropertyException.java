package dev.userkit.spring.boot;

import java.util.Objects;

/**
 * A {@code userkit.*} property is malformed, out of range, or missing where it is required: start-up
 * stops, and {@link UserKitPropertyFailureAnalyzer} reports the property by name. The message never
 * shows a secret's value.
 */
public final class UserKitPropertyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The property at fault, as the application wrote it. */
    private final String property;

    /**
     * A bad property.
     *
     * @param property the property, e.g. {@code userkit.session.idle-ttl}
     * @param message what is wrong, naming the property
     * @param cause the reader's own error, or null
     */
    public UserKitPropertyException(String property, String message, Throwable cause) {
        super(message, cause);
        this.property = Objects.requireNonNull(property, "property");
    }

    /**
     * The property at fault.
     *
     * @return its name as the application wrote it, e.g. {@code userkit.session.idle-ttl}
     */
    public String property() {
        return property;
    }
}
