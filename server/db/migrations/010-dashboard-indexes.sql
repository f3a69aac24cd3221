-- name: dashboard indexes and payment batches

-- Payments recorded together in one action (POST /api/v1/admin/payments/batch): one row per
-- batch, and each payment names its batch.
CREATE TABLE payment_batches (
  id  INTEGER PRIMARY KEY,
  at  INTEGER NOT NULL
);
ALTER TABLE payments ADD COLUMN batch_id INTEGER REFERENCES payment_batches (id);
CREATE INDEX payments_batch ON payments (batch_id, at) WHERE batch_id IS NOT NULL;

-- The merchant's dashboard reads the whole program's figures for a period. Each index covers
-- its query, so a month of a 1,000,000-row ledger is one index range read, and "owed" (the sum
-- of the ledger) one scan of the narrow index instead of the table.
CREATE INDEX dashboard_ledger_type_at ON ledger_entries (type, at, partner_id, amount);
CREATE INDEX dashboard_clicks_at ON clicks (at);
CREATE INDEX dashboard_leads_at ON leads (at);
CREATE INDEX dashboard_sales_at ON sales (at, self_referral, partner_id, amount);
CREATE INDEX dashboard_partners_status ON partners (status);
