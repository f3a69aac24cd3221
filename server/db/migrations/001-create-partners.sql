-- name: create partners, sessions and login failures

CREATE TABLE partners (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL COLLATE NOCASE UNIQUE,
  name          TEXT NOT NULL,
  email         TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'pending', 'disabled')),
  password_hash TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);
CREATE INDEX partners_email ON partners (email COLLATE NOCASE);

CREATE TABLE sessions (
  id          INTEGER PRIMARY KEY,
  token_hash  TEXT NOT NULL UNIQUE,
  partner_id  INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL DEFAULT 'password' CHECK (kind IN ('password', 'embed')),
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  revoked_at  INTEGER
);
CREATE INDEX sessions_partner ON sessions (partner_id, expires_at);

CREATE TABLE login_failures (
  id      INTEGER PRIMARY KEY,
  code    TEXT NOT NULL COLLATE NOCASE,
  ip      TEXT NOT NULL,
  at      INTEGER NOT NULL
);
CREATE INDEX login_failures_code_at ON login_failures (code, at);
CREATE INDEX login_failures_code_ip_at ON login_failures (code, ip, at);
