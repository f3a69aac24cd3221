-- name: one index for a partner's clicks, by time and link

-- Every read of clicks but the merchant's dashboard (by time) and the attribution (by click id)
-- is one partner's: by time for the reports and the overview, by link for the links page's
-- counts. With the link in the partner's time index, those are all answered from it (no table
-- look-up per click), and the redirect keeps one b-tree fewer up to date for each click: the
-- index on (link_id, at) goes. What it still served, whether a merchant link was ever clicked
-- before it may be deleted, reads this index whole instead: a rare step in the console.
DROP INDEX clicks_link_at;
DROP INDEX clicks_partner_at;
CREATE INDEX clicks_partner_at ON clicks (partner_id, at, link_id);
