package dev.userkit.accounts;

import dev.userkit.UserKitException;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.spi.UserQuery;
import java.util.List;
import java.util.Optional;

/**
 * The read side of {@link Accounts} (A4, A5, A14, A18): lookups, pages, the full user and the
 * export. Nothing here writes, so the queries live apart from the changes; the methods are public
 * members of {@link Accounts}, which is the only subclass.
 */
abstract class AccountLookups {
    private final UserQueries queries;
    private final UserExport export;

    AccountLookups(UserQueries queries, UserExport export) {
        this.queries = queries;
        this.export = export;
    }

    /**
     * The user with this id (A4).
     *
     * @param id the user's id
     * @return the user, or empty if there is none
     */
    public Optional<User> findById(UserId id) {
        return queries.findById(id);
    }

    /**
     * The user with this username (canonicalised, A13); a malformed name finds nobody.
     *
     * @param username the username as entered
     * @return the user, or empty if there is none
     */
    public Optional<User> findByUsername(String username) {
        return queries.findByUsername(username);
    }

    /**
     * The user with this email (case-insensitive); a malformed address finds nobody.
     *
     * @param email the address as entered
     * @return the user, or empty if there is none
     */
    public Optional<User> findByEmail(String email) {
        return queries.findByEmail(email);
    }

    /**
     * The user named by a username or an email in one argument (A4).
     *
     * @param usernameOrEmail a username or an email, told apart by their form
     * @return the user, or empty if there is none
     */
    public Optional<User> find(String usernameOrEmail) {
        return queries.find(usernameOrEmail);
    }

    /**
     * A page of users in id (creation) order after {@code after} (null: from the start) (A5).
     *
     * @param after the last id of the previous page, or null for the first page
     * @param limit the page size, 1 to 1000
     * @return at most {@code limit} users, in id order
     * @throws UserKitException INVALID_ARGUMENT (1010) unless 1 &lt;= limit &lt;= 1000
     */
    public List<User> list(UserId after, int limit) {
        return queries.list(after, limit);
    }

    /**
     * A page of users whose metadata field {@code field} equals the scalar {@code value} (A5).
     *
     * @param field a top-level metadata field name
     * @param value a string, number or boolean to compare with
     * @param after the last id of the previous page, or null for the first page
     * @param limit the page size, 1 to 1000
     * @return at most {@code limit} matching users, in id order
     * @throws UserKitException INVALID_METADATA (1009) for a bad field name or non-scalar value,
     *         INVALID_ARGUMENT (1010) for a bad limit
     */
    public List<User> listByMetadata(String field, Object value, UserId after, int limit) {
        return queries.listByMetadata(field, value, after, limit);
    }

    /**
     * A page of users as the query says (A5).
     *
     * @param query the filter, cursor and page size
     * @return the page of matching users, in id order
     * @throws UserKitException INVALID_ARGUMENT (1010) for a null query
     */
    public List<User> list(UserQuery query) {
        return queries.list(query);
    }

    /**
     * A page of the users holding a role, in id order (A5, R3).
     *
     * @param roleName the role's name
     * @param after the last id of the previous page, or null for the first page
     * @param limit the page size, 1 to 1000
     * @return at most {@code limit} holders of the role, in id order
     * @throws UserKitException WRONG_ROLE_NAME (701) if no such role, INVALID_ARGUMENT (1010) for a bad limit
     */
    public List<User> listByRole(String roleName, UserId after, int limit) {
        return queries.listByRole(roleName, after, limit);
    }

    /**
     * First and last name, or the username when neither is set (A14).
     *
     * @param id the user's id
     * @return the display name, never blank
     * @throws UserKitException USER_NOT_FOUND (605)
     */
    public String fullName(UserId id) {
        return queries.require(id).fullName();
    }

    /**
     * The user with its roles (A14).
     *
     * @param id the user's id
     * @return the user and the roles it holds
     * @throws UserKitException USER_NOT_FOUND (605)
     */
    public FullUser fullUser(UserId id) {
        return queries.fullUser(id);
    }

    /**
     * The admin flag (A12).
     *
     * @param id the user's id
     * @return whether the user is an administrator
     * @throws UserKitException USER_NOT_FOUND (605)
     */
    public boolean isAdmin(UserId id) {
        return queries.require(id).admin();
    }

    /**
     * Everything stored about the user as JSON (A18): account, profile, metadata, roles, devices
     * and sessions, without any password hash, token or code.
     *
     * @param id the user's id
     * @return a JSON object describing the user
     * @throws UserKitException USER_NOT_FOUND (605)
     */
    public String exportUser(UserId id) {
        return export.toJson(queries.require(id));
    }
}
