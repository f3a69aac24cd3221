-- name: mail outbox, templates, partner notification preferences and mail settings

-- Every message Partner Center sends, sent or not, kept for the merchant. A background worker
-- claims due rows (status queued, or sending with an expired lease: its process died) by
-- setting locked_until in one UPDATE, sends, then marks them sent or schedules a retry.
-- status: queued | sending | sent | failed | kept (no SMTP configured: kept here only).
CREATE TABLE outbox (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL,
  "to"             TEXT NOT NULL,
  partner_id       INTEGER REFERENCES partners (id) ON DELETE SET NULL,
  subject          TEXT NOT NULL,
  text             TEXT NOT NULL,
  html             TEXT NOT NULL,
  headers          TEXT NOT NULL DEFAULT '{}',
  attachments      TEXT NOT NULL DEFAULT '[]',
  status           TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'kept')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER,
  locked_until     INTEGER,
  last_error       TEXT,
  created_at       INTEGER NOT NULL,
  sent_at          INTEGER
);
-- the worker's claim: due queued rows, and sending rows whose lease ran out
CREATE INDEX outbox_due ON outbox (status, next_attempt_at) WHERE status IN ('queued', 'sending');
-- the merchant's list, newest first, optionally by status
CREATE INDEX outbox_status_id ON outbox (status, id);
CREATE INDEX outbox_partner ON outbox (partner_id) WHERE partner_id IS NOT NULL;

-- The merchant's own subject and body (markdown with {{placeholders}}) for a kind of message;
-- a kind without a row uses the built-in default.
CREATE TABLE mail_templates (
  kind        TEXT PRIMARY KEY,
  subject     TEXT NOT NULL,
  body        TEXT NOT NULL,
  updated_at  INTEGER NOT NULL
);

-- What each partner chose to receive (no row: the defaults, everything on, commissions at once).
CREATE TABLE notification_preferences (
  partner_id  INTEGER PRIMARY KEY REFERENCES partners (id) ON DELETE CASCADE,
  commission  TEXT NOT NULL DEFAULT 'immediate' CHECK (commission IN ('immediate', 'daily', 'off')),
  payment     INTEGER NOT NULL DEFAULT 1 CHECK (payment IN (0, 1)),
  statement   INTEGER NOT NULL DEFAULT 1 CHECK (statement IN (0, 1)),
  updated_at  INTEGER NOT NULL
);

-- The owner's email settings: one row at most. NULL columns fall back to the environment
-- (SMTP_URL, MAIL_FROM, MAIL_NOTIFY_TO). smtp_url holds the SMTP password: never shown back.
-- kinds_off: JSON list of the kinds the merchant switched off. signing_key: the secret that signs
-- unsubscribe links (made on first use).
CREATE TABLE mail_settings (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  smtp_url        TEXT,
  mail_from       TEXT,
  notify_address  TEXT,
  kinds_off       TEXT NOT NULL DEFAULT '[]',
  signing_key     TEXT,
  updated_at      INTEGER NOT NULL
);
