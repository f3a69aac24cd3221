-- name: sales by time from one index

-- dashboard_sales_at (at, self_referral, partner_id, amount) begins with the time, so it serves
-- every read of sales by time that sales_at (at) served, in the same order: each sale kept one
-- b-tree more up to date for nothing.
DROP INDEX sales_at;
