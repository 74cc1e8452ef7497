package dev.userkit.maintenance;

import dev.userkit.UserKitConfig;
import dev.userkit.accounts.Accounts;
import dev.userkit.accounts.AccountsFactory;
import dev.userkit.spi.Stores;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/** Builds the {@link Maintenance} of one kit; only {@code UserKit} calls it. */
public final class MaintenanceFactory {
    private MaintenanceFactory() {}

    /**
     * The maintenance service over the kit's stores, reusing each port's bounded purge.
     *
     * @param stores the kit's stores (with the validation cache's decorators, if on)
     * @param config the configuration: maintenance, outbox retention and the pending-account TTL
     * @param clock the kit's clock
     * @param accounts the account service, which removes an unverified account with everything it owns
     * @return the service
     */
    public static Maintenance maintenance(Stores stores, UserKitConfig config, Clock clock, Accounts accounts) {
        Map<PurgeKind, Purge> purges = new EnumMap<>(PurgeKind.class);
        // sessions walk the store in its physical order (a cursor between batches); the rest take the first due rows
        purges.put(PurgeKind.EXPIRED_SESSIONS, stores.sessions()::purgeExpired);
        purges.put(PurgeKind.UNVERIFIED_ACCOUNTS, Purge.untilEmpty((now, n) -> AccountsFactory.purgeUnverifiedBatch(accounts, now, n)));
        purges.put(PurgeKind.EXPIRED_CODES, Purge.untilEmpty(stores.codes()::deleteExpired));
        purges.put(PurgeKind.STALE_ATTEMPT_COUNTERS, Purge.untilEmpty(stores.attempts()::deleteExpired));
        purges.put(PurgeKind.OUTBOX_PAYLOADS, Purge.untilEmpty(
                (now, n) -> stores.outbox().purge(now, now.minus(config.outbox().deliveredRetention()), n)));
        purges.put(PurgeKind.DEAD_OUTBOX_ROWS, Purge.untilEmpty(
                (now, n) -> stores.outbox().deleteDead(now.minus(config.maintenance().deadOutboxRetention()), n)));
        return new Maintenance(stores.maintenanceLock(), purges, config.maintenance(), clock);
    }
}
