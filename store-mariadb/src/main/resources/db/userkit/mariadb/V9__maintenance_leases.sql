-- Version 9: scheduled maintenance (W6, REL-9). One row per named lease: the instance that holds it
-- and until when (instants from the application's clock, never NOW()). A lease row rather than
-- GET_LOCK: GET_LOCK belongs to one pooled connection, so holding it pins that connection for the
-- whole run, leaks to the pool's next borrower if a RELEASE_LOCK is missed, and ends silently if the
-- connection drops; a row works through any pool, expires by the test clock, and is the same on
-- every store.
CREATE TABLE userkit_leases (
    lease_name  VARCHAR(64)  NOT NULL PRIMARY KEY,
    owner       VARCHAR(64)  NOT NULL,
    expires_at  DATETIME(3)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
-- the expiry purge of one-time codes walks this index in bounded batches
CREATE INDEX userkit_codes_expires_idx ON userkit_codes (expires_at);
