-- Version 10: the role catalog's version (issue 9, SEC-20). One row, raised in the same transaction
-- as every write of userkit_roles (create, update, delete; grants leave it alone), so the bodies of
-- all roles are fixed for one version: the authorisation statement reads the version with a scalar
-- subquery and of the user's grants only their role ids, and an instance keeps every role's body
-- for the version it last loaded, loading them again (one statement) when a read names a newer one.
-- A hand edit of userkit_roles must raise it as the store does.
CREATE TABLE userkit_role_catalog (
    id      smallint PRIMARY KEY CHECK (id = 1),
    version bigint   NOT NULL
);
INSERT INTO userkit_role_catalog (id, version) VALUES (1, 0);
