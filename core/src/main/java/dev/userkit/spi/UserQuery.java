package dev.userkit.spi;

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
    /** Validates the field name and value so that no store ever sees operator syntax (SEC-22). */
    public UserQuery {
        if (limit < 1 || limit > 1000) throw new IllegalArgumentException("limit must be 1..1000");
        if (metadataField != null) {
            JsonValues.fieldName(metadataField);
            metadataValue = JsonValues.scalar(metadataValue);
        }
    }

    /** The first page of all users. */
    public static UserQuery firstPage(int limit) {
        return new UserQuery(null, limit, null, null);
    }
}
