-- Version 4: security stamps (SEC-27). Every credential change raises the user's stamp in the same
-- write; a session carries the stamp its user had at login and validates only while they are equal.
-- Existing rows start at 0 on both sides, so sessions issued before the upgrade stay valid.
ALTER TABLE userkit_users ADD COLUMN security_stamp bigint NOT NULL DEFAULT 0;
ALTER TABLE userkit_sessions ADD COLUMN security_stamp bigint NOT NULL DEFAULT 0;
