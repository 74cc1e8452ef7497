-- Version 7: the outbox (REL-8). Messages are recorded in the transaction that made their code and
-- delivered later by senders on any instance. The payload is AES-GCM ciphertext made by core (SEC-12):
-- no column holds a recipient, code or link. A DELIVERED row keeps its delivery time in next_attempt_at.
-- Version 6 is PostgreSQL's revocation feed, which MariaDB does not have: this is the next version after 5.
CREATE TABLE userkit_outbox (
    id              VARCHAR(255) NOT NULL PRIMARY KEY,
    kind            VARCHAR(32)  NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    next_attempt_at DATETIME(3)  NOT NULL,
    lease_owner     VARCHAR(255),
    lease_until     DATETIME(3),
    last_error      TEXT,
    payload         LONGBLOB,
    expires_at      DATETIME(3)  NOT NULL,
    -- the senders' due messages (state PENDING, oldest next_attempt_at first) and the delivered ones
    -- that the purge deletes (state DELIVERED, by delivery time): one range of this index each
    INDEX userkit_outbox_due_idx (state, next_attempt_at),
    -- the purge's expired payloads, per state (PENDING, DEAD) in expiry order: never the delivered
    -- rows a retention keeps, whose payloads are gone already and which an index on expires_at alone
    -- would make every batch read again (PostgreSQL indexes only the rows that hold a payload; here
    -- a batch of DEAD rows also reads those it erased before)
    INDEX userkit_outbox_expires_idx (state, expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
