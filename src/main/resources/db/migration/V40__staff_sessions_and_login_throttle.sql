-- Staff sessions live on the server (issue 16): logout ends a session everywhere at once, an idle
-- session ends after onewindow.session.idle, and every node of a cluster sees the same sessions.
-- Only a SHA-256 of the session id is stored, so a copy of the table opens no session.
CREATE TABLE staff_session (
    id_hash     CHAR(64)     PRIMARY KEY,
    username    VARCHAR(64)  NOT NULL REFERENCES staff_user (username) ON DELETE CASCADE,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_seen   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    ended_at    TIMESTAMPTZ
);
CREATE INDEX staff_session_open ON staff_session (username) WHERE ended_at IS NULL;

-- Failed logins per account name (known or not) and per client address: progressive delay, then a
-- temporary lock. Kept in the database so that every node counts the same attempts.
CREATE TABLE login_throttle (
    throttle_key  VARCHAR(200) PRIMARY KEY,          -- 'user:<name>' or 'client:<address>'
    failures      INTEGER      NOT NULL,
    last_failure  TIMESTAMPTZ  NOT NULL,
    blocked_until TIMESTAMPTZ
);

ALTER TABLE staff_user ADD COLUMN password_changed_at TIMESTAMPTZ;
