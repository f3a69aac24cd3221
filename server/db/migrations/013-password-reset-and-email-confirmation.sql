-- name: password reset and email confirmation tokens, confirmed emails, notification job claims

-- A link to set a new password (POST /api/v1/auth/password-reset): the token itself is only in
-- the email; here its SHA-256. Valid for an hour, used once.
CREATE TABLE password_reset_tokens (
  id          INTEGER PRIMARY KEY,
  partner_id  INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  token_hash  TEXT NOT NULL UNIQUE,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  used_at     INTEGER
);
CREATE INDEX password_reset_tokens_partner ON password_reset_tokens (partner_id, created_at);
CREATE INDEX password_reset_tokens_expires ON password_reset_tokens (expires_at);

-- A link confirming that the partner reads `email` (sent on sign-up and on an email change).
CREATE TABLE email_confirmation_tokens (
  id          INTEGER PRIMARY KEY,
  partner_id  INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  email       TEXT NOT NULL,
  token_hash  TEXT NOT NULL UNIQUE,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  used_at     INTEGER
);
CREATE INDEX email_confirmation_tokens_partner ON email_confirmation_tokens (partner_id, created_at);
CREATE INDEX email_confirmation_tokens_expires ON email_confirmation_tokens (expires_at);

-- When the partner confirmed their current email (null: not yet). Partners from before email
-- existed count as confirmed: their merchant has been reaching them at that address.
ALTER TABLE partners ADD COLUMN email_confirmed_at INTEGER;
UPDATE partners SET email_confirmed_at = updated_at;
-- The merchant's page a partner signed up on (an allowed origin): the approval email links to it.
ALTER TABLE partners ADD COLUMN signup_page_url TEXT;

-- A scheduled message sent once per partner and period, whichever instance runs the job first:
-- job 'commission_digest' (period '2026-11-30', the UTC day) or 'monthly_statement' ('2026-11').
CREATE TABLE notification_runs (
  job         TEXT NOT NULL CHECK (job IN ('commission_digest', 'monthly_statement')),
  partner_id  INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  period      TEXT NOT NULL,
  claimed_at  INTEGER NOT NULL,
  PRIMARY KEY (job, partner_id, period)
);
CREATE INDEX notification_runs_claimed ON notification_runs (claimed_at);
