package dev.userkit.store.jdbc;

/**
 * The two statements of a purge that walks {@code userkit_sessions} in the order its rows lie on disk,
 * block range by block range ({@link SqlDialect#heapWalk()}): each step then writes each page it
 * touches once, where a purge in expiry order writes a page again for every expired row on it.
 *
 * @param extent a query without parameters answering one row: {@code blocks}, the table's size in
 *        blocks when the walk starts, and {@code rows_per_block}, the rows a block holds by the
 *        database's statistics (0 when it has none)
 * @param deleteRange a DELETE of the sessions in a range of blocks whose {@code expires_at} is at or
 *        before an instant, at most a limit of them; its parameters, in order: the first block
 *        (inclusive) and the last (exclusive) as numbers, the instant, the limit, the instant again
 *        (the rules of {@link SqlDialect#deleteLimited}: a row changed concurrently is deleted only if
 *        it still matches)
 */
public record HeapWalkStatements(String extent, String deleteRange) {}
