package dev.userkit.store.mongo;

import dev.userkit.domain.JsonValues;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;

/**
 * Conversions between domain values and what the driver reads and writes: instants as BSON dates
 * (milliseconds), UUIDs in the standard binary form, JSON objects as embedded documents read back
 * through {@link JsonValues} (Int32 and Int64 become Long, doubles stay Double).
 */
final class BsonValues {
    private BsonValues() {}

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Document doc, String field) {
        Date d = doc.getDate(field);
        return d == null ? null : d.toInstant();
    }

    static UUID uuid(Document doc, String field) {
        return doc.get(field, UUID.class);
    }

    /** A stored embedded document back as a normalised JSON object (absent: empty). */
    static Map<String, Object> json(Document doc, String field) {
        Document d = doc.get(field, Document.class);
        return JsonValues.object(d);
    }
}
