-- Version 8: the language a user reads mail and messages in (M3), a BCP 47 language tag such as
-- "de-AT"; NULL when none is stored (then the request's language, else the default). Core checks
-- the tag (well-formed, at most 35 characters) before any write. V7 is the outbox's.
ALTER TABLE userkit_users ADD COLUMN locale varchar(35);
