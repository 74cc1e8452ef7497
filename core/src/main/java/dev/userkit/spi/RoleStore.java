package dev.userkit.spi;

import dev.userkit.domain.Role;
import dev.userkit.domain.RoleId;
import dev.userkit.domain.UserId;
import java.util.List;
import java.util.Optional;

/** Persists roles (with their permissions) and grants of roles to users. Each method is atomic by itself. */
public interface RoleStore {
    /**
     * Inserts a role; a taken name (exact, case-sensitive) throws {@link DuplicateKeyException}.
     *
     * @param role the new role
     */
    void insert(RoleRecord role);

    /**
     * The role with this id, or empty.
     *
     * @param id the role's id
     * @return the role, or empty
     */
    Optional<RoleRecord> findById(RoleId id);

    /**
     * The role with exactly this name, or empty.
     *
     * @param name the role's name
     * @return the role, or empty
     */
    Optional<RoleRecord> findByName(String name);

    /**
     * All roles, ordered by name.
     *
     * @return every role
     */
    List<RoleRecord> list();

    /**
     * Replaces the role with {@code next} if the stored version is {@code next.version() - 1};
     * false otherwise. A clash with another role's name throws {@link DuplicateKeyException}.
     *
     * @param next the role as it is to be stored, with the version after the stored one
     * @return true if the role was replaced
     */
    boolean update(RoleRecord next);

    /**
     * Deletes the role and every grant of it; true if it existed.
     *
     * @param id the role's id
     * @return true if the role existed
     */
    boolean delete(RoleId id);

    /**
     * Grants the role to the user; true if newly granted, false if already held. Idempotent.
     * The user must exist; a SQL store may refuse an unknown user with {@link UnknownUserException}
     * (by foreign key), which the services meet only when the user is deleted concurrently.
     *
     * @param userId the user's id
     * @param roleId the role's id
     * @return true if newly granted
     */
    boolean grant(UserId userId, RoleId roleId);

    /**
     * Revokes the role from the user; true if it was held.
     *
     * @param userId the user's id
     * @param roleId the role's id
     * @return true if the role was held
     */
    boolean revoke(UserId userId, RoleId roleId);

    /**
     * The roles the user holds, ordered by name (one round trip: this is on the authorisation path).
     *
     * @param userId the user's id
     * @return the user's roles, possibly none
     */
    List<Role> rolesOf(UserId userId);

    /**
     * Users holding the role, in ascending id order after {@code after} (null: from the start), at most {@code limit}.
     *
     * @param roleId the role's id
     * @param after the last id of the previous page, or null
     * @param limit the most ids to return
     * @return the holders' ids, ascending
     */
    List<UserId> usersWith(RoleId roleId, UserId after, int limit);

    /**
     * Revokes every role of the user (A10); returns how many grants it removed.
     *
     * @param userId the user's id
     * @return how many grants were removed
     */
    int revokeAll(UserId userId);
}
