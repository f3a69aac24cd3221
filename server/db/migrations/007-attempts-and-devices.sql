-- name: attempts counted before the work they guard, browsers partners signed in on

-- Replaced by attempts: failures recorded after the password check let bursts through.
DROP TABLE login_failures;

-- One row per attempt that a limit guards (a password check, a sign-up), written before the
-- work and counted against the bucket's limit; a successful password check removes its row.
-- bucket: what is limited, e.g. 'login:code:alice', 'login:address:alice|203.0.113.7',
-- 'login:device:12', 'password:7', 'signup:address:203.0.113.7', 'signup:email:a@example.com'.
CREATE TABLE attempts (
  id      INTEGER PRIMARY KEY,
  bucket  TEXT NOT NULL,
  at      INTEGER NOT NULL
);
CREATE INDEX attempts_bucket_at ON attempts (bucket, at);
CREATE INDEX attempts_at ON attempts (at);

-- Browsers a partner has signed in on: their token (kept by the browser, stored here as
-- SHA-256) lets that browser past the lock strangers put on the partner's code.
CREATE TABLE partner_devices (
  id            INTEGER PRIMARY KEY,
  partner_id    INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  token_hash    TEXT NOT NULL UNIQUE,
  created_at    INTEGER NOT NULL,
  last_used_at  INTEGER NOT NULL
);
CREATE INDEX partner_devices_partner ON partner_devices (partner_id);
CREATE INDEX partner_devices_last_used ON partner_devices (last_used_at);

-- Expired sessions are pruned by age.
CREATE INDEX sessions_expires ON sessions (expires_at);
