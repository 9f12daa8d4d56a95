-- Page sessions live in the database (common.security.Sessions), so that every replica sees them and logout, a
-- password change and disabling a user end them at once. The cookie holds a random token; the table holds only
-- its SHA-256, so reading this table gives nobody a session.
CREATE TABLE app_session (
    token_hash   char(64)    PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL
);
CREATE INDEX app_session_user ON app_session (user_id);

-- The user lifecycle (docs/security.md): a disabled user cannot sign in; after an admin's reset the user must
-- choose a new password at the next sign-in; a password check made before password_changed_at no longer counts.
ALTER TABLE app_user
    ADD COLUMN enabled              boolean     NOT NULL DEFAULT true,
    ADD COLUMN must_change_password boolean     NOT NULL DEFAULT false,
    ADD COLUMN password_changed_at  timestamptz NOT NULL DEFAULT now();
