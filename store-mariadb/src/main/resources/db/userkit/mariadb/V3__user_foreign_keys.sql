-- Version 3: sessions, codes, role grants and devices belong to an existing user. Rows left behind
-- by a user deleted before this version are removed, then a foreign key with ON DELETE CASCADE
-- makes the schema itself the backstop of REL-7 and refuses a row for an unknown user.
-- MariaDB commits each ALTER on its own: should a row for a vanishing user slip in between the
-- clean-up and the keys, the ALTER fails (1452); run the migration again once the store is idle.
-- Every user_id column already leads an index, which InnoDB needs for the key.

DELETE FROM userkit_sessions WHERE user_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM userkit_users u WHERE u.id = userkit_sessions.user_id);
DELETE FROM userkit_codes WHERE NOT EXISTS (SELECT 1 FROM userkit_users u WHERE u.id = userkit_codes.user_id);
DELETE FROM userkit_role_grants WHERE NOT EXISTS (SELECT 1 FROM userkit_users u WHERE u.id = userkit_role_grants.user_id);
DELETE FROM userkit_devices WHERE NOT EXISTS (SELECT 1 FROM userkit_users u WHERE u.id = userkit_devices.user_id);

ALTER TABLE userkit_sessions ADD CONSTRAINT userkit_sessions_user_fk
    FOREIGN KEY (user_id) REFERENCES userkit_users (id) ON DELETE CASCADE;
ALTER TABLE userkit_codes ADD CONSTRAINT userkit_codes_user_fk
    FOREIGN KEY (user_id) REFERENCES userkit_users (id) ON DELETE CASCADE;
ALTER TABLE userkit_role_grants ADD CONSTRAINT userkit_role_grants_user_fk
    FOREIGN KEY (user_id) REFERENCES userkit_users (id) ON DELETE CASCADE;
ALTER TABLE userkit_devices ADD CONSTRAINT userkit_devices_user_fk
    FOREIGN KEY (user_id) REFERENCES userkit_users (id) ON DELETE CASCADE;
