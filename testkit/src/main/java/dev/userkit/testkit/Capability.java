package dev.userkit.testkit;

/**
 * An optional store capability. A store declares one by overriding its hook in
 * {@link StoreConformanceSuite}; a test that needs one is marked {@link OptionalCapability} and
 * carries {@link #marker()} in its display name. Without the capability the test is skipped, with
 * {@link #reasonWithout()} as the reason; it never fails.
 */
public enum Capability {
    /** {@link StoreConformanceSuite#supportsTransactions()}: the unit of work rolls back when the work throws. */
    TRANSACTIONS("supportsTransactions", "this store runs units of work without transactions, so rollback is not checked");

    private final String hook;
    private final String withoutIt;

    Capability(String hook, String withoutIt) {
        this.hook = hook;
        this.withoutIt = withoutIt;
    }

    /** Whether {@code suite} declares this capability. */
    boolean isDeclaredBy(StoreConformanceSuite suite) {
        return switch (this) {
            case TRANSACTIONS -> suite.supportsTransactions();
        };
    }

    /**
     * What an optional test's display name carries, after its IDs.
     *
     * @return the marker, such as {@code [optional: supportsTransactions]}
     */
    public String marker() {
        return "[optional: " + hook + "]";
    }

    /**
     * Why a test that needs this capability is skipped on a store without it.
     *
     * @return the skip reason the report shows, starting with {@link #marker()}
     */
    public String reasonWithout() {
        return marker() + " skipped: " + hook + "() is false, " + withoutIt;
    }
}
