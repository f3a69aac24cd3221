-- name: a covering index for the pending commissions

-- What is on hold (pending commissions before their payable date) is read for every partner
-- due a payout and for the dashboard: with the partner, payable date, amount and clawback in
-- the index, that is one read of the pending entries in partner order (no table look-up per
-- commission, no sort to group them), and one partner's pending commissions are a seek on
-- (status, partner_id). It also serves the approval sweep, so it replaces the narrower
-- (status, payable_at) index.
CREATE INDEX commissions_on_hold ON commissions (status, partner_id, payable_at, amount, clawed_back);
DROP INDEX commissions_status_payable;
