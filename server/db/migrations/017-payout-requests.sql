-- name: payout requests: a partner asks to be paid (payout schedule "on request")

-- One request: what was payable now when the partner asked (amount, cents of currency).
-- status: open (waiting for the merchant) | paid (a payment settled it: payment_id) |
-- declined (the merchant said no: note) | cancelled (the partner withdrew it).
-- decided_at: when it left "open".
CREATE TABLE payout_requests (
  id            INTEGER PRIMARY KEY,
  partner_id    INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  amount        INTEGER NOT NULL,
  currency      TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paid', 'declined', 'cancelled')),
  requested_at  INTEGER NOT NULL,
  decided_at    INTEGER,
  note          TEXT,
  payment_id    INTEGER REFERENCES payments (id)
);

-- At most one open request per partner, whatever races: the second INSERT fails.
CREATE UNIQUE INDEX payout_requests_one_open ON payout_requests (partner_id) WHERE status = 'open';
-- The partner's requests newest first.
CREATE INDEX payout_requests_partner ON payout_requests (partner_id, requested_at, id);
-- The merchant's list by status, newest first (keyset on requested_at, id).
CREATE INDEX payout_requests_status ON payout_requests (status, requested_at, id);
