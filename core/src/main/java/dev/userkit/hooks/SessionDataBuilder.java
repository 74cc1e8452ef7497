package dev.userkit.hooks;

import dev.userkit.domain.User;
import java.util.Map;

/** Decides what a new session carries (H2, S8): given the user and the data the caller asked for. */
@FunctionalInterface
public interface SessionDataBuilder {
    /** The default keeps the requested data as it is. */
    SessionDataBuilder IDENTITY = (user, requested) -> requested;

    /**
     * The JSON object the session will carry.
     *
     * @param user the user logging in
     * @param requested the session data the caller asked for, possibly empty
     * @return the session data to store
     */
    Map<String, Object> build(User user, Map<String, Object> requested);
}
