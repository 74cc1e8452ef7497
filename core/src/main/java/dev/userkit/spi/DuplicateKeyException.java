package dev.userkit.spi;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;

/**
 * Thrown by a store when a write clashes with a unique key (username, email, phone, role name,
 * a token or code hash, a device of a user). Services translate it into the specific code
 * (602 for users, 702 for roles). Stores must throw this, never a {@link dev.userkit.StoreException},
 * for a unique violation.
 */
public class DuplicateKeyException extends UserKitException {
    /**
     * A clash on the named key (for diagnostics only; never a secret).
     *
     * @param key the name of the unique key that clashed
     */
    public DuplicateKeyException(String key) {
        super(ErrorCode.DUPLICATE, "Duplicate key: " + key);
    }
}
