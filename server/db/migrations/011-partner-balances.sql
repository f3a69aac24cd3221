-- name: each partner's balance in one row

-- The running balance of a partner's latest ledger entry, kept in the same transaction as the
-- entry (appendLedgerEntry), so the merchant's whole-program reads — what is owed, who is due a
-- payout — read one row per partner instead of finding each partner's latest entry among
-- millions. The ledger stays the record; this row is its last balance.
CREATE TABLE partner_balances (
  partner_id  INTEGER PRIMARY KEY REFERENCES partners (id),
  balance     INTEGER NOT NULL,
  -- the time of the partner's latest entry (a new entry is never dated before it)
  at          INTEGER NOT NULL
);

INSERT INTO partner_balances (partner_id, balance, at)
SELECT partner_id, balance, at FROM (
  SELECT partner_id, balance, at, row_number() OVER (PARTITION BY partner_id ORDER BY at DESC, id DESC) AS n
  FROM ledger_entries
) AS latest
WHERE n = 1;
