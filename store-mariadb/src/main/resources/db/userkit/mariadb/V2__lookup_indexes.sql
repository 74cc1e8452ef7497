-- Version 2: indexes for the expiry of never-verified accounts (A16) and per-device session revocation (SEC-21).
CREATE INDEX userkit_users_pending_idx ON userkit_users (status, created_at);
CREATE INDEX userkit_sessions_device_idx ON userkit_sessions (device_id);
