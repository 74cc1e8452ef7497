package dev.userkit.config;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import java.util.Objects;

/**
 * A setting is malformed, out of range or missing where it is required
 * ({@link ErrorCode#INVALID_CONFIGURATION}). The message names the setting and where it came from;
 * it shows the bad value only for settings that are not secret, never a key or a password.
 */
public final class ConfigException extends UserKitException {
    /** The setting at fault, in environment form. */
    private final String setting;

    /**
     * A bad or missing setting.
     *
     * @param setting the variable's name, e.g. {@code USERKIT_SESSION_IDLE_TTL}
     * @param message what is wrong, already naming the setting; never a secret value
     */
    public ConfigException(String setting, String message) {
        super(ErrorCode.INVALID_CONFIGURATION, message);
        this.setting = Objects.requireNonNull(setting, "setting");
    }

    /**
     * The setting at fault.
     *
     * @return its name in environment form, e.g. {@code USERKIT_KEYS}
     */
    public String setting() {
        return setting;
    }
}
