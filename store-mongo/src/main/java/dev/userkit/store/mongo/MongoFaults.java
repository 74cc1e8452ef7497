package dev.userkit.store.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteException;
import dev.userkit.StoreException;
import dev.userkit.UserKitException;
import dev.userkit.spi.DuplicateKeyException;
import java.util.function.Supplier;

/**
 * Translates driver exceptions at the port boundary: a unique-index clash (E11000, whether it
 * arrives as a write, bulk-write or command error) becomes {@link DuplicateKeyException}; any other
 * {@link MongoException}, and any other unchecked fault of the driver or of decoding a stored
 * document (a closed client, a codec error, a corrupt document), a {@link StoreException} that keeps
 * its cause. Domain exceptions pass through unchanged.
 */
final class MongoFaults {
    private MongoFaults() {}

    /** Runs one driver call, translating its faults; {@code what} names the collection for diagnostics. */
    static <T> T call(String what, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (MongoException e) {
            throw translate(what, e);
        } catch (UserKitException | StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException("MongoDB operation on " + what + " failed", e);
        }
    }

    /** Runs one driver call that returns nothing. */
    static void run(String what, Runnable operation) {
        call(what, () -> {
            operation.run();
            return null;
        });
    }

    private static RuntimeException translate(String what, MongoException e) {
        if (isDuplicateKey(e)) return new DuplicateKeyException(what + indexName(e.getMessage()));
        return new StoreException("MongoDB operation on " + what + " failed", e);
    }

    /** True for a unique-index violation in any of the shapes the driver reports it. */
    private static boolean isDuplicateKey(MongoException e) {
        if (e instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream().anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) == ErrorCategory.DUPLICATE_KEY);
        }
        if (e instanceof MongoWriteException write) return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        // findOneAndUpdate with upsert reports E11000 as a command error
        return e instanceof MongoServerException server && ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }

    // The server names the clashing index ("... index: emailKey_1 dup key ..."); the key values are
    // deliberately not copied, as they may be hashes of secrets.
    private static String indexName(String message) {
        if (message == null) return "";
        int at = message.indexOf("index: ");
        if (at < 0) return "";
        int start = at + "index: ".length();
        int end = message.indexOf(' ', start);
        return "." + (end < 0 ? message.substring(start) : message.substring(start, end));
    }
}
