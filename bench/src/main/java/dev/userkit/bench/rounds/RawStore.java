package dev.userkit.bench.rounds;

import java.time.Instant;
import java.util.UUID;

/** The raw baselines of a store: what the operations would cost done by hand, with nothing of UserKit around them. */
interface RawStore {
    /** @return what {@link #readSession} does, as the tables name the baseline */
    String sessionReadName();

    /** Reads a live session by its token hash, every column; throws if there is none. */
    void readSession(String tokenHash) throws Exception;

    /** Inserts a user row: id, username, email, password hash, creation time (unique names and emails). */
    void insertUser(UUID id, String username, String email, String passwordHash, Instant at) throws Exception;
}
