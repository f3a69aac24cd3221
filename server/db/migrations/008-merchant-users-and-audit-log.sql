-- name: merchant users, their sessions, and the audit log

-- People who run the program from the console or the admin API. Emails are stored lower-case
-- (one account per address whatever its case); the password is an scrypt hash.
CREATE TABLE merchant_users (
  id             INTEGER PRIMARY KEY,
  email          TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('owner', 'staff')),
  status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  password_hash  TEXT NOT NULL,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
);
CREATE UNIQUE INDEX merchant_users_email ON merchant_users (lower(email));

-- A merchant user's sign-ins: the bearer token is stored only as its SHA-256.
CREATE TABLE merchant_sessions (
  id          INTEGER PRIMARY KEY,
  token_hash  TEXT NOT NULL UNIQUE,
  user_id     INTEGER NOT NULL REFERENCES merchant_users (id) ON DELETE CASCADE,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  revoked_at  INTEGER
);
CREATE INDEX merchant_sessions_user ON merchant_sessions (user_id, expires_at);
CREATE INDEX merchant_sessions_expires ON merchant_sessions (expires_at);

-- Every change made through the admin API (and so the console) or the CLI, newest last.
-- actor_type: 'user' (actor = the merchant user's email), 'key' (the admin key's name) or 'cli'.
-- action: '<target>.<verb>', e.g. 'program.update'. before / after: JSON without secrets.
CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  at           INTEGER NOT NULL,
  actor_type   TEXT NOT NULL CHECK (actor_type IN ('user', 'key', 'cli')),
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,
  target_type  TEXT NOT NULL,
  target_id    TEXT,
  before       TEXT,
  after        TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor, id);
CREATE INDEX audit_log_action ON audit_log (action, id);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id, id);
