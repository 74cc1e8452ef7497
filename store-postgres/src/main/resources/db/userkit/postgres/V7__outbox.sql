-- Version 7: the outbox (REL-8). Messages are recorded in the transaction that made their code and
-- delivered later by senders on any instance. The payload is AES-GCM ciphertext made by core (SEC-12):
-- no column holds a recipient, code or link. A DELIVERED row keeps its delivery time in next_attempt_at.
-- Ids and lease owners use the "C" collation: equality and order are byte-wise.
CREATE TABLE userkit_outbox (
    id              varchar(255)   COLLATE "C" PRIMARY KEY,
    kind            varchar(32)    NOT NULL,
    state           varchar(16)    NOT NULL,
    attempts        integer        NOT NULL,
    created_at      timestamptz(3) NOT NULL,
    next_attempt_at timestamptz(3) NOT NULL,
    lease_owner     varchar(255)   COLLATE "C",
    lease_until     timestamptz(3),
    last_error      text,
    payload         bytea,
    expires_at      timestamptz(3) NOT NULL
);
-- the senders' due messages (state PENDING, oldest next_attempt_at first) and the delivered ones
-- that the purge deletes (state DELIVERED, by delivery time): one range of this index each
CREATE INDEX userkit_outbox_due_idx ON userkit_outbox (state, next_attempt_at);
-- the purge's expired payloads, per state (PENDING, DEAD) in expiry order: only rows that still hold
-- one, never the delivered rows a retention keeps or the dead ones already erased, which would
-- otherwise be read again by every batch (MariaDB, without partial indexes, indexes them all)
CREATE INDEX userkit_outbox_expires_idx ON userkit_outbox (state, expires_at) WHERE payload IS NOT NULL;
