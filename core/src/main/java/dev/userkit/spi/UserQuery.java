package dev.userkit.spi;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.domain.JsonValues;
import dev.userkit.domain.UserId;

/**
 * A page of users in id order (which is creation order, ids being time-ordered).
 *
 * @param after return only users whose id sorts after this one; null for the first page
 * @param limit page size, 1 to 1000
 * @param metadataField if not null, only users whose metadata has this top-level field ...
 * @param metadataValue ... equal to this scalar (string, long, double or boolean)
 */
public record UserQuery(UserId after, int limit, String metadataField, Object metadataValue) {
    /**
     * Validates the field name and value so that no store ever sees operator syntax (SEC-22), and
     * normalises the value as {@link JsonValues#scalar} says, so that every store compares the
     * same normalised value (SEC-29).
     *
     * @param after see {@link #after()}
     * @param limit see {@link #limit()}
     * @param metadataField see {@link #metadataField()}
     * @param metadataValue see {@link #metadataValue()}
     * @throws UserKitException INVALID_ARGUMENT (1010) for a limit outside 1..1000, INVALID_METADATA (1009)
     *         for a bad field name or value
     */
    public UserQuery {
        if (limit < 1 || limit > 1000) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "limit must be 1..1000");
        if (metadataField != null) {
            JsonValues.fieldName(metadataField);
            metadataValue = JsonValues.scalar(metadataValue);
        }
    }

    /**
     * The first page of all users.
     *
     * @param limit the page size
     * @return the query
     */
    public static UserQuery firstPage(int limit) {
        return new UserQuery(null, limit, null, null);
    }
}
