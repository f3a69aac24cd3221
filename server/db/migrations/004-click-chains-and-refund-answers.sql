-- name: first click of a visitor, refund answers for idempotent replays, merchant list indexes

-- The first click of the same browser within the attribution window (null: this one is the
-- first), so first-click programs can find who brought a visitor first.
ALTER TABLE clicks ADD COLUMN first_click_id INTEGER REFERENCES clicks (id) ON DELETE SET NULL;
-- The JSON answer of a refund, so replaying the same refund id answers the same.
ALTER TABLE refunds ADD COLUMN response TEXT;
-- The merchant's lists across all partners, newest first, without a sort of everything.
CREATE INDEX sales_at ON sales (at);
CREATE INDEX commissions_created ON commissions (created_at);
-- Balances and payments read a partner's pending commissions, payments and adjustments
-- without walking all of their history.
CREATE INDEX commissions_partner_status ON commissions (partner_id, status);
CREATE INDEX ledger_partner_type ON ledger_entries (partner_id, type, at);
CREATE INDEX ledger_reverses ON ledger_entries (reverses_id) WHERE reverses_id IS NOT NULL;
CREATE INDEX ledger_payment ON ledger_entries (payment_id) WHERE payment_id IS NOT NULL;
