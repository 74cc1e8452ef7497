-- Version 5: the UTS #39 confusable skeleton of each username key (SEC-23), unique like the key,
-- so that a look-alike of a taken name ("ѕсоре" for "scope", "admın" for "admin") is a duplicate.
-- Only Java (ICU4J) can compute a skeleton: the migration runner fills the column for existing
-- rows right after this script, oldest first. NULL stays allowed (and UNIQUE ignores NULLs) for a
-- row whose skeleton an older row already holds: it keeps working, and the runner logs its id.
-- The column takes the table's utf8mb4_nopad_bin collation: byte-wise, no PAD SPACE (SEC-23).
ALTER TABLE userkit_users ADD COLUMN username_skeleton VARCHAR(255) NULL,
    ADD CONSTRAINT userkit_users_username_skeleton_uq UNIQUE (username_skeleton);
