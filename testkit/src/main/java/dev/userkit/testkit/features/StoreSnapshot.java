package dev.userkit.testkit.features;

import dev.userkit.spi.DeviceRecord;
import dev.userkit.spi.RoleRecord;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UserQuery;
import dev.userkit.spi.UserRecord;
import java.util.List;

/**
 * What a rejected call must leave as it was ("Rejected calls change nothing", SECURITY.md): every
 * user, session, role and device record. Attempt counters and events are left out, since they
 * exist to record attempts. Enough for the few records a feature test makes (at most 1,000 each).
 */
record StoreSnapshot(List<UserRecord> users, List<SessionRecord> sessions, List<RoleRecord> roles, List<DeviceRecord> devices) {
    /** The records in the stores now. */
    static StoreSnapshot of(Stores stores) {
        return new StoreSnapshot(stores.users().list(UserQuery.firstPage(1000)),
                stores.sessions().list(SessionFilter.all(), null, 1000), stores.roles().list(), stores.devices().list(null, false));
    }
}
