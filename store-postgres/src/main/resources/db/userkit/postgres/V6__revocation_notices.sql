-- Version 6: revocations announced to every instance (the opt-in validation cache). When a statement
-- deletes sessions that were still live, or a user's status or security stamp changes, or a user is
-- deleted, a notification on channel userkit_revocations names them; instances LISTENing there drop
-- what they cached. PostgreSQL sends notifications at commit, and only if the transaction commits, so
-- every writer is covered: another instance, a script, an administrator in psql.
-- Payload: the schema, a space, then comma-separated s:<session id>, u:<user id> or * (everything).
-- A purge deletes only expired sessions and sends nothing; a payload that would pass the 8000-byte
-- limit names the users instead of the sessions, and failing that says *.
CREATE FUNCTION userkit_sessions_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    named text;
BEGIN
    SELECT string_agg('s:' || id::text, ',') INTO named FROM ended WHERE expires_at > now();
    IF named IS NULL THEN
        RETURN NULL;
    END IF;
    IF length(named) > 7000 THEN
        SELECT string_agg(DISTINCT coalesce('u:' || user_id::text, '*'), ',') INTO named
          FROM ended WHERE expires_at > now();
        IF length(named) > 7000 THEN
            named := '*';
        END IF;
    END IF;
    PERFORM pg_notify('userkit_revocations', TG_TABLE_SCHEMA || ' ' || named);
    RETURN NULL;
END
$$;

CREATE TRIGGER userkit_sessions_deleted AFTER DELETE ON userkit_sessions
    REFERENCING OLD TABLE AS ended FOR EACH STATEMENT EXECUTE FUNCTION userkit_sessions_deleted();

CREATE FUNCTION userkit_user_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('userkit_revocations', TG_TABLE_SCHEMA || ' u:' || OLD.id::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER userkit_users_changed AFTER UPDATE ON userkit_users FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.security_stamp IS DISTINCT FROM NEW.security_stamp)
    EXECUTE FUNCTION userkit_user_revoked();

CREATE TRIGGER userkit_users_deleted AFTER DELETE ON userkit_users FOR EACH ROW EXECUTE FUNCTION userkit_user_revoked();
