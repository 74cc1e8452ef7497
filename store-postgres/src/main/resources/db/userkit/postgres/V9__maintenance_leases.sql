-- Version 9: scheduled maintenance (W6, REL-9). One row per named lease: the instance that holds it
-- and until when (instants from the application's clock, never now()). A lease row rather than
-- pg_try_advisory_lock: an advisory lock belongs to one pooled connection, so holding it pins that
-- connection for the whole run, leaks to the pool's next borrower if an unlock is missed, and ends
-- silently if the connection drops; a row works through any pool, expires by the test clock, and
-- is the same on every store.
CREATE TABLE userkit_leases (
    lease_name  varchar(64)    COLLATE "C" PRIMARY KEY,
    owner       varchar(64)    COLLATE "C" NOT NULL,
    expires_at  timestamptz(3) NOT NULL
);
-- the expiry purge of one-time codes walks this index in bounded batches
CREATE INDEX userkit_codes_expires_idx ON userkit_codes (expires_at);
