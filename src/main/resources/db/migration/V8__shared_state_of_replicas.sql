-- Several replicas serve one database (docs/running.md: Several replicas): what must outlive one request and
-- be seen by every replica lives here, not in a replica's memory or temporary folder.

-- A file checked on the upload page (a dry run) and waiting for its confirmation, which may reach another
-- replica. Only its uploader may confirm it; confirmed or not, it is removed after an hour.
CREATE TABLE pending_upload (
    token      char(32)     PRIMARY KEY,
    username   varchar(100) NOT NULL,
    content    bytea        NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now()
);

-- Failed logins in a row per address and user name (common.security.LoginThrottle), so that guessing is
-- throttled across all replicas.
CREATE TABLE login_failure (
    attempt       varchar(400) PRIMARY KEY,
    failures      integer      NOT NULL,
    blocked_until timestamptz,
    last_failure  timestamptz  NOT NULL
);
