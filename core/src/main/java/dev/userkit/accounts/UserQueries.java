package dev.userkit.accounts;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.domain.Email;
import dev.userkit.domain.JsonValues;
import dev.userkit.domain.Role;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UserQuery;
import dev.userkit.spi.UserRecord;
import dev.userkit.users.UserRecords;
import java.util.List;
import java.util.Optional;

/**
 * The read side of accounts (A4, A5, A14): lookups and pages of users. It changes nothing, and it
 * owns the page-size rule that every list shares.
 */
final class UserQueries {
    private final Stores stores;
    private final UserRecords records;

    UserQueries(Stores stores, UserRecords records) {
        this.stores = stores;
        this.records = records;
    }

    Optional<User> findById(UserId id) {
        return id == null ? Optional.empty() : stores.users().findById(id).map(UserRecord::user);
    }

    Optional<User> findByUsername(String username) {
        return Email.looksLikeEmail(username) ? Optional.empty() : find(username);
    }

    Optional<User> findByEmail(String email) {
        return Email.looksLikeEmail(email) ? find(email) : Optional.empty();
    }

    Optional<User> find(String usernameOrEmail) {
        return records.find(usernameOrEmail).map(UserRecord::user);
    }

    /** See {@link Accounts#list(UserId, int)}. */
    List<User> list(UserId after, int limit) {
        return page(after, limit, null, null);
    }

    /** See {@link Accounts#listByMetadata}. */
    List<User> listByMetadata(String field, Object value, UserId after, int limit) {
        JsonValues.fieldName(field);
        return page(after, limit, field, value);
    }

    List<User> list(UserQuery query) {
        if (query == null) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "Query is required");
        return stores.users().list(query).stream().map(UserRecord::user).toList();
    }

    /** See {@link Accounts#listByRole}. */
    List<User> listByRole(String roleName, UserId after, int limit) {
        checkLimit(limit);
        // a malformed name names no role: 701 without a store call
        var role = stores.roles().findByName(Role.checkName(roleName))
                .orElseThrow(() -> new UserKitException(ErrorCode.WRONG_ROLE_NAME));
        return stores.roles().usersWith(role.role().id(), after, limit).stream()
                .map(this::findById).flatMap(Optional::stream).toList();
    }

    /** The user with this id. @throws UserKitException USER_NOT_FOUND (605) */
    User require(UserId id) {
        return records.require(id).user();
    }

    /** See {@link Accounts#fullUser}. */
    FullUser fullUser(UserId id) {
        return new FullUser(require(id), stores.roles().rolesOf(id));
    }

    private List<User> page(UserId after, int limit, String field, Object value) {
        checkLimit(limit);
        return list(new UserQuery(after, limit, field, value));
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > 1000) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "Page size must be 1 to 1000");
    }
}
