package dev.userkit.store.mongo;

import java.util.List;

/** Names of the collections UserKit keeps in its database; prefixed so they sit beside an application's own. */
final class MongoCollections {
    static final String USERS = "userkit_users";
    static final String SESSIONS = "userkit_sessions";
    static final String CODES = "userkit_codes";
    static final String ROLES = "userkit_roles";
    static final String GRANTS = "userkit_role_grants";
    static final String DEVICES = "userkit_devices";
    static final String ATTEMPTS = "userkit_attempts";
    static final String OUTBOX = "userkit_outbox";
    static final String LEASES = "userkit_leases";

    /** Every collection, in the order the schema creates them. */
    static final List<String> ALL = List.of(USERS, SESSIONS, CODES, ROLES, GRANTS, DEVICES, ATTEMPTS, OUTBOX, LEASES);

    private MongoCollections() {}
}
