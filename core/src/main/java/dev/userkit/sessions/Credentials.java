package dev.userkit.sessions;

import dev.userkit.UserKitException;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.Email;
import dev.userkit.domain.Username;
import dev.userkit.passwords.PasswordHasher;
import dev.userkit.spi.UserRecord;
import dev.userkit.users.UserRecords;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the account a login identifier names and checks a password against it, at the same cost
 * whether or not the account exists (SEC-08): an unknown identifier still spends one hash
 * verification, on a dummy hash.
 */
final class Credentials {
    private final UserKitContext ctx;
    private final UserRecords records;

    Credentials(UserKitContext ctx, UserRecords records) {
        this.ctx = ctx;
        this.records = records;
    }

    /** The outcome of a check: the account (if any) and whether the password matched it. */
    record Check(Optional<UserRecord> account, boolean matches, boolean needsRehash) {
        /** The account, present only when the password matched. */
        Optional<UserRecord> verified() {
            return matches ? account : Optional.empty();
        }
    }

    /**
     * The canonical form of an identifier, used as its throttling key (SEC-09): the email key or
     * the username key; input that is neither is only trimmed and lower-cased, so variants of one
     * malformed name still share a counter.
     */
    String key(String identifier) {
        try {
            return Email.looksLikeEmail(identifier) ? Email.of(identifier).key()
                    : Username.of(identifier, ctx.config().usernameCaseSensitive()).key();
        } catch (UserKitException malformed) {
            return identifier.strip().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The account the identifier names: the custom lookup first (H2), then email or username. A
     * malformed identifier names nobody; answering like an unknown one keeps SEC-07.
     */
    Optional<UserRecord> find(String identifier) {
        return records.findByIdentifier(identifier);
    }

    /** Verifies the password against the account's hash, or spends a dummy verification if there is none. */
    Check verify(Optional<UserRecord> account, String password) {
        // longer than any password we accept: refused before hashing (SEC-01), on every path
        if (ctx.config().tooLongForPassword(password)) return new Check(account, false, false);
        PasswordHasher hasher = ctx.hasher();
        if (account.isEmpty()) {
            hasher.verifyDummy(password);
            return new Check(account, false, false);
        }
        PasswordHasher.Verification v = hasher.verify(password, account.get().passwordHash());
        return new Check(account, v.matches(), v.needsRehash());
    }

    /**
     * Re-hashes with the current parameters after a successful login (SEC-05). A concurrent change
     * of the record wins: the next login re-hashes instead.
     */
    void rehash(UserRecord account, String password) {
        ctx.stores().users().update(account.nextWithHash(ctx.hasher().hash(password)));
    }
}
