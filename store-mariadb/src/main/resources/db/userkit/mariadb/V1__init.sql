-- UserKit schema for MariaDB (10.5 or later), version 1. Times are UTC in DATETIME(3).
-- Every text column uses utf8mb4_nopad_bin: canonical keys and hashes compare byte-wise, and
-- without PAD SPACE, so 'a' and 'a ' are different names (SEC-23). Ids are CHAR(36) ascii_bin.
-- Sessions, codes, grants and devices name their user without a foreign key: the port contracts
-- let them exist on their own; deleting a user removes them in the same transaction (the store's backstop, REL-7).

CREATE TABLE userkit_users (
    id              CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    username        VARCHAR(255) NOT NULL,
    username_key    VARCHAR(255) NOT NULL,
    email           VARCHAR(254) NOT NULL,
    email_key       VARCHAR(254) NOT NULL,
    phone           VARCHAR(16),
    first_name      TEXT,
    last_name       TEXT,
    address         TEXT,
    additional_info TEXT,
    metadata        JSON         NOT NULL,
    admin           BOOLEAN      NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    updated_at      DATETIME(3)  NOT NULL,
    password_hash   TEXT         NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT userkit_users_username_key_uq UNIQUE (username_key),
    CONSTRAINT userkit_users_email_key_uq UNIQUE (email_key),
    CONSTRAINT userkit_users_phone_uq UNIQUE (phone)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE userkit_sessions (
    id                  CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    user_id             CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    token_hash          VARCHAR(255) NOT NULL,
    created_at          DATETIME(3)  NOT NULL,
    last_seen_at        DATETIME(3)  NOT NULL,
    idle_expires_at     DATETIME(3)  NOT NULL,
    absolute_expires_at DATETIME(3)  NOT NULL,
    expires_at          DATETIME(3)  NOT NULL,
    data                JSON         NOT NULL,
    device_id           CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    CONSTRAINT userkit_sessions_token_hash_uq UNIQUE (token_hash),
    INDEX userkit_sessions_user_idx (user_id),
    INDEX userkit_sessions_expires_idx (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE userkit_codes (
    code_hash       VARCHAR(255) NOT NULL PRIMARY KEY,
    user_id         CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    purpose         VARCHAR(32)  NOT NULL,
    target          TEXT,
    created_at      DATETIME(3)  NOT NULL,
    expires_at      DATETIME(3)  NOT NULL,
    failed_attempts INT          NOT NULL,
    INDEX userkit_codes_user_purpose_idx (user_id, purpose)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE userkit_roles (
    id          CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    description TEXT         NOT NULL,
    permissions JSON         NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT userkit_roles_name_uq UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE userkit_role_grants (
    user_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    role_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (user_id, role_id),
    CONSTRAINT userkit_role_grants_role_fk FOREIGN KEY (role_id) REFERENCES userkit_roles (id) ON DELETE CASCADE,
    INDEX userkit_role_grants_role_idx (role_id, user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE userkit_devices (
    id           CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    user_id      CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    token_hash   VARCHAR(255) NOT NULL,
    permitted    BOOLEAN      NOT NULL,
    user_agent   TEXT,
    created_at   DATETIME(3)  NOT NULL,
    last_used_at DATETIME(3)  NOT NULL,
    CONSTRAINT userkit_devices_user_token_uq UNIQUE (user_id, token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE userkit_attempts (
    attempt_key    VARCHAR(128) NOT NULL PRIMARY KEY,
    attempt_count  BIGINT       NOT NULL,
    window_ends_at DATETIME(3)  NOT NULL,
    INDEX userkit_attempts_window_idx (window_ends_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
