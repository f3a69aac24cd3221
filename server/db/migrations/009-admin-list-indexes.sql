-- name: partner sign-up decisions, indexes for the merchant console's lists

-- A rejected sign-up: the reason the partner is told and when (the account is disabled).
ALTER TABLE partners ADD COLUMN rejection_reason TEXT;
ALTER TABLE partners ADD COLUMN rejected_at INTEGER;

-- The partner list sorted by creation, name or code, with or without a status filter, paged
-- by keyset (sort key, id): each page is an index seek, never a sort of every partner.
-- (code already has its UNIQUE index.)
CREATE INDEX partners_created ON partners (created_at, id);
CREATE INDEX partners_name ON partners (lower(name), id);
CREATE INDEX partners_status_created ON partners (status, created_at, id);
CREATE INDEX partners_status_name ON partners (status, lower(name), id);
CREATE INDEX partners_status_code ON partners (status, code, id);

-- Commissions by status or by program, newest first (by partner: commissions_partner_created).
CREATE INDEX commissions_status_created ON commissions (status, created_at, id);
CREATE INDEX commissions_program_created ON commissions (program_id, created_at, id);

-- Every payment, newest first (by partner: payments_partner_at).
CREATE INDEX payments_at ON payments (at, id);
