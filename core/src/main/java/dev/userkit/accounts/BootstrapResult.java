package dev.userkit.accounts;

import dev.userkit.domain.RoleId;
import dev.userkit.domain.UserId;

/**
 * The outcome of {@link Bootstrap#ensureRoot} (R5).
 *
 * @param rootId the root user's id
 * @param adminRoleId the full-access role's id
 * @param password the password given, or the generated one when the root user was created now with none given;
 *                 null when the root user existed already and none was given
 * @param created whether the root user was created by this call
 */
public record BootstrapResult(UserId rootId, RoleId adminRoleId, String password, boolean created) {
    @Override
    public String toString() {
        return "BootstrapResult[" + rootId + ", created=" + created + "]";
    }
}
