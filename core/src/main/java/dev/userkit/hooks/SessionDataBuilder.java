package dev.userkit.hooks;

import dev.userkit.domain.User;
import java.util.Map;

/** Decides what a new session carries (H2, S8): given the user and the data the caller asked for. */
@FunctionalInterface
public interface SessionDataBuilder {
    /** The default keeps the requested data as it is. */
    SessionDataBuilder IDENTITY = (user, requested) -> requested;

    /** The JSON object the session will carry. */
    Map<String, Object> build(User user, Map<String, Object> requested);
}
