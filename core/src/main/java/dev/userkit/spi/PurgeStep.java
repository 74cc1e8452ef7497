package dev.userkit.spi;

/**
 * What one step of a purge walk did ({@link SessionStore#purgeExpired}): how many sessions it deleted,
 * and where the next step starts, or nothing when the walk is over. A step may delete none and still
 * not be the last (a stretch of the table with no expired session).
 *
 * @param deleted how many sessions this step deleted
 * @param next the cursor the next step starts from, or null when the walk is over
 */
public record PurgeStep(int deleted, PurgeCursor next) {
    /**
     * The last step of a walk.
     *
     * @param deleted how many sessions it deleted
     * @return the step
     */
    public static PurgeStep last(int deleted) {
        return new PurgeStep(deleted, null);
    }

    /**
     * The step of a store that deletes by filter and keeps no position: the walk is over once a step
     * deleted fewer than its limit, as none was left to delete.
     *
     * @param deleted how many sessions the step deleted
     * @param limit the step's limit
     * @param from the cursor the step was given, handed on unchanged
     * @return the step
     */
    public static PurgeStep byFilter(int deleted, int limit, PurgeCursor from) {
        return deleted < limit ? last(deleted) : new PurgeStep(deleted, from);
    }

    /**
     * Whether the walk is over after this step.
     *
     * @return true if there is no next step
     */
    public boolean isLast() {
        return next == null;
    }
}
