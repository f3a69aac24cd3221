-- name: partner profile and payout details

ALTER TABLE partners ADD COLUMN phone TEXT;
ALTER TABLE partners ADD COLUMN company TEXT;
ALTER TABLE partners ADD COLUMN website TEXT;
ALTER TABLE partners ADD COLUMN address TEXT;
ALTER TABLE partners ADD COLUMN payout_method TEXT CHECK (payout_method IN ('paypal', 'bank_transfer', 'check', 'other'));
ALTER TABLE partners ADD COLUMN payout_details TEXT;
