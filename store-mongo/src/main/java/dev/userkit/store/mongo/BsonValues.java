package dev.userkit.store.mongo;

import dev.userkit.domain.JsonValues;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.bson.BsonBinary;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.Binary;

/**
 * Conversions between domain values and what the driver reads and writes: instants as BSON dates
 * (milliseconds), UUIDs in the standard binary form, JSON objects as embedded documents read back
 * through {@link JsonValues}, whose numeric model every store shares (Int32 and Int64 become Long).
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

    /**
     * A UUID as standard binary (subtype 4), built here rather than by the codec registry so that
     * the adapter works with any client, whatever UUID representation it was configured with.
     */
    static BsonBinary bin(UUID uuid) {
        return new BsonBinary(uuid, UuidRepresentation.STANDARD);
    }

    /** A long field; absent (a document written before the field existed) reads as 0. */
    static long longOrZero(Document doc, String field) {
        Object v = doc.get(field);
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** A stored UUID: decoded by a STANDARD registry, or left as binary subtype 4 by any other. */
    static UUID uuid(Document doc, String field) {
        Object v = doc.get(field);
        if (v == null || v instanceof UUID) return (UUID) v;
        Binary b = (Binary) v;
        return new BsonBinary(b.getType(), b.getData()).asUuid(UuidRepresentation.STANDARD);
    }

    /** A stored embedded document back as a normalised JSON object (absent: empty). */
    static Map<String, Object> json(Document doc, String field) {
        Document d = doc.get(field, Document.class);
        return JsonValues.object(d);
    }
}
