-- UserKit schema for PostgreSQL, version 1. Times are timestamptz at millisecond precision (UTC).
-- Canonical keys and hashes use the "C" collation: equality and order are byte-wise.
-- Sessions, codes, grants and devices name their user without a foreign key: the port contracts
-- let them exist on their own; deleting a user removes them in the same transaction (the store's backstop, REL-7).

CREATE TABLE userkit_users (
    id              uuid          PRIMARY KEY,
    username        varchar(255)  NOT NULL,
    username_key    varchar(255)  COLLATE "C" NOT NULL,
    email           varchar(254)  NOT NULL,
    email_key       varchar(254)  COLLATE "C" NOT NULL,
    phone           varchar(16)   COLLATE "C",
    first_name      text,
    last_name       text,
    address         text,
    additional_info text,
    metadata        jsonb         NOT NULL,
    admin           boolean       NOT NULL,
    status          varchar(16)   NOT NULL,
    created_at      timestamptz(3) NOT NULL,
    updated_at      timestamptz(3) NOT NULL,
    password_hash   text          NOT NULL,
    version         bigint        NOT NULL,
    CONSTRAINT userkit_users_username_key_uq UNIQUE (username_key),
    CONSTRAINT userkit_users_email_key_uq UNIQUE (email_key),
    CONSTRAINT userkit_users_phone_uq UNIQUE (phone)
);
CREATE INDEX userkit_users_metadata_gin ON userkit_users USING gin (metadata jsonb_path_ops);

CREATE TABLE userkit_sessions (
    id                  uuid           PRIMARY KEY,
    user_id             uuid          ,
    token_hash          varchar(255)   COLLATE "C" NOT NULL,
    created_at          timestamptz(3) NOT NULL,
    last_seen_at        timestamptz(3) NOT NULL,
    idle_expires_at     timestamptz(3) NOT NULL,
    absolute_expires_at timestamptz(3) NOT NULL,
    expires_at          timestamptz(3) NOT NULL,
    data                jsonb          NOT NULL,
    device_id           uuid,
    CONSTRAINT userkit_sessions_token_hash_uq UNIQUE (token_hash)
);
CREATE INDEX userkit_sessions_user_idx ON userkit_sessions (user_id);
CREATE INDEX userkit_sessions_expires_idx ON userkit_sessions (expires_at);

CREATE TABLE userkit_codes (
    code_hash       varchar(255)   COLLATE "C" PRIMARY KEY,
    user_id         uuid           NOT NULL,
    purpose         varchar(32)    NOT NULL,
    target          text,
    created_at      timestamptz(3) NOT NULL,
    expires_at      timestamptz(3) NOT NULL,
    failed_attempts integer        NOT NULL
);
CREATE INDEX userkit_codes_user_purpose_idx ON userkit_codes (user_id, purpose);

CREATE TABLE userkit_roles (
    id          uuid         PRIMARY KEY,
    name        varchar(255) COLLATE "C" NOT NULL,
    description text         NOT NULL,
    permissions jsonb        NOT NULL,
    version     bigint       NOT NULL,
    CONSTRAINT userkit_roles_name_uq UNIQUE (name)
);

CREATE TABLE userkit_role_grants (
    user_id uuid NOT NULL,
    role_id uuid NOT NULL REFERENCES userkit_roles (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, role_id)
);
CREATE INDEX userkit_role_grants_role_idx ON userkit_role_grants (role_id, user_id);

CREATE TABLE userkit_devices (
    id           uuid           PRIMARY KEY,
    user_id      uuid           NOT NULL,
    token_hash   varchar(255)   COLLATE "C" NOT NULL,
    permitted    boolean        NOT NULL,
    user_agent   text,
    created_at   timestamptz(3) NOT NULL,
    last_used_at timestamptz(3) NOT NULL,
    CONSTRAINT userkit_devices_user_token_uq UNIQUE (user_id, token_hash)
);

CREATE TABLE userkit_attempts (
    attempt_key    varchar(128)   COLLATE "C" PRIMARY KEY,
    attempt_count  bigint         NOT NULL,
    window_ends_at timestamptz(3) NOT NULL
);
CREATE INDEX userkit_attempts_window_idx ON userkit_attempts (window_ends_at);
