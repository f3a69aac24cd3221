-- name: a covering index for the commissions on hold

-- What is on hold (pending commissions before their payable date) is read for every partner
-- due a payout and for the dashboard: with the partner, amount and clawback in the index, that
-- is one range read of the index instead of a table look-up per commission. It also serves the
-- approval sweep (status, payable_at), so it replaces that narrower index.
CREATE INDEX commissions_on_hold ON commissions (status, payable_at, partner_id, amount, clawed_back);
DROP INDEX commissions_status_payable;
