-- name: programs, links, clicks, leads, sales, commissions, ledger, payments, admin keys, settings

ALTER TABLE partners ADD COLUMN parent_id INTEGER REFERENCES partners (id) ON DELETE SET NULL;
CREATE INDEX partners_parent ON partners (parent_id);

CREATE TABLE settings (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL,             -- JSON
  updated_at  INTEGER NOT NULL
);

CREATE TABLE admin_keys (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  key_hash      TEXT NOT NULL UNIQUE,
  prefix        TEXT NOT NULL,           -- first characters, to tell keys apart in lists
  created_at    INTEGER NOT NULL,
  last_used_at  INTEGER,
  revoked_at    INTEGER
);

CREATE TABLE programs (
  id                       INTEGER PRIMARY KEY,
  name                     TEXT NOT NULL,
  description              TEXT NOT NULL DEFAULT '',
  priority                 INTEGER NOT NULL DEFAULT 0,
  sale_commission_type     TEXT NOT NULL CHECK (sale_commission_type IN ('percent', 'flat')),
  sale_commission_value    INTEGER NOT NULL CHECK (sale_commission_value >= 0),  -- basis points or cents
  lead_commission          INTEGER CHECK (lead_commission >= 0),                 -- cents per lead
  recurring_mode           TEXT NOT NULL DEFAULT 'every' CHECK (recurring_mode IN ('every', 'first_n', 'none')),
  recurring_payments       INTEGER CHECK (recurring_payments > 0),               -- N for first_n
  second_tier_type         TEXT CHECK (second_tier_type IN ('percent', 'flat')),
  second_tier_value        INTEGER CHECK (second_tier_value >= 0),
  attribution_window_days  INTEGER CHECK (attribution_window_days > 0),          -- null: the settings default
  attribution_model        TEXT NOT NULL DEFAULT 'last_click' CHECK (attribution_model IN ('first_click', 'last_click')),
  hold_days                INTEGER CHECK (hold_days >= 0),                       -- null: the settings default
  status                   TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  created_at               INTEGER NOT NULL,
  updated_at               INTEGER NOT NULL
);

CREATE TABLE program_product_rates (
  program_id        INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  product_id        TEXT NOT NULL,
  commission_type   TEXT NOT NULL CHECK (commission_type IN ('percent', 'flat')),
  commission_value  INTEGER NOT NULL CHECK (commission_value >= 0),
  PRIMARY KEY (program_id, product_id)
);

CREATE TABLE enrollments (
  partner_id  INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  program_id  INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (partner_id, program_id)
);
CREATE INDEX enrollments_program ON enrollments (program_id);

-- Merchant links (partner_id null) and partners' own deep links (partner_id set).
CREATE TABLE links (
  id           INTEGER PRIMARY KEY,
  slug         TEXT NOT NULL COLLATE NOCASE UNIQUE,
  name         TEXT NOT NULL,
  destination  TEXT NOT NULL,
  partner_id   INTEGER REFERENCES partners (id) ON DELETE CASCADE,
  sub          TEXT,
  status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);
CREATE INDEX links_partner ON links (partner_id, created_at);

-- Which programs a link, banner, email or resource page is for. No row: every program.
CREATE TABLE resource_programs (
  kind         TEXT NOT NULL CHECK (kind IN ('link', 'banner', 'email', 'page')),
  resource_id  INTEGER NOT NULL,
  program_id   INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  PRIMARY KEY (kind, resource_id, program_id)
);
CREATE INDEX resource_programs_program ON resource_programs (program_id);

CREATE TABLE clicks (
  id          INTEGER PRIMARY KEY,
  click_key   TEXT NOT NULL UNIQUE,      -- the public click id (pc_click)
  link_id     INTEGER NOT NULL REFERENCES links (id) ON DELETE CASCADE,
  partner_id  INTEGER REFERENCES partners (id) ON DELETE SET NULL,
  at          INTEGER NOT NULL,
  ip_hash     TEXT NOT NULL,
  user_agent  TEXT,
  referrer    TEXT,
  sub         TEXT
);
CREATE INDEX clicks_partner_at ON clicks (partner_id, at);
CREATE INDEX clicks_link_at ON clicks (link_id, at);

CREATE TABLE leads (
  id           INTEGER PRIMARY KEY,
  partner_id   INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  click_id     INTEGER REFERENCES clicks (id) ON DELETE SET NULL,
  email        TEXT NOT NULL COLLATE NOCASE,
  name         TEXT,
  sub          TEXT,
  status       TEXT NOT NULL DEFAULT 'lead' CHECK (status IN ('lead', 'customer')),
  external_id  TEXT,
  at           INTEGER NOT NULL
);
CREATE UNIQUE INDEX leads_email ON leads (email);
CREATE INDEX leads_partner_at ON leads (partner_id, at);

CREATE TABLE sales (
  id               INTEGER PRIMARY KEY,
  order_id         TEXT NOT NULL UNIQUE,
  partner_id       INTEGER REFERENCES partners (id) ON DELETE SET NULL,  -- null: not attributed
  click_id         INTEGER REFERENCES clicks (id) ON DELETE SET NULL,
  lead_id          INTEGER REFERENCES leads (id) ON DELETE SET NULL,
  amount           INTEGER NOT NULL CHECK (amount >= 0),
  currency         TEXT NOT NULL,
  customer_email   TEXT COLLATE NOCASE,
  customer_name    TEXT,
  sub              TEXT,
  subscription_id  TEXT,
  self_referral    INTEGER NOT NULL DEFAULT 0,
  refunded_amount  INTEGER NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
  status           TEXT NOT NULL DEFAULT 'completed' CHECK (status IN ('completed', 'partially_refunded', 'refunded')),
  request_hash     TEXT NOT NULL,        -- the recorded request, so a replay gets the same answer
  response         TEXT NOT NULL,        -- JSON of the first answer
  at               INTEGER NOT NULL
);
CREATE INDEX sales_partner_at ON sales (partner_id, at);
CREATE INDEX sales_subscription ON sales (subscription_id, at);

CREATE TABLE sale_items (
  id          INTEGER PRIMARY KEY,
  sale_id     INTEGER NOT NULL REFERENCES sales (id) ON DELETE CASCADE,
  product_id  TEXT NOT NULL,
  amount      INTEGER NOT NULL CHECK (amount >= 0),    -- line total in cents
  quantity    INTEGER NOT NULL DEFAULT 1 CHECK (quantity > 0)
);
CREATE INDEX sale_items_sale ON sale_items (sale_id);

CREATE TABLE refunds (
  id           INTEGER PRIMARY KEY,
  sale_id      INTEGER NOT NULL REFERENCES sales (id) ON DELETE CASCADE,
  amount       INTEGER NOT NULL CHECK (amount > 0),
  reason       TEXT,
  external_id  TEXT UNIQUE,
  at           INTEGER NOT NULL
);
CREATE INDEX refunds_sale ON refunds (sale_id);

CREATE TABLE commissions (
  id            INTEGER PRIMARY KEY,
  partner_id    INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  program_id    INTEGER REFERENCES programs (id) ON DELETE SET NULL,
  sale_id       INTEGER REFERENCES sales (id) ON DELETE CASCADE,
  lead_id       INTEGER REFERENCES leads (id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('sale', 'lead')),
  tier          TEXT NOT NULL DEFAULT 'direct' CHECK (tier IN ('direct', 'second')),
  base_amount   INTEGER NOT NULL,        -- what the rate applied to, in cents
  rate_type     TEXT NOT NULL CHECK (rate_type IN ('percent', 'flat')),
  rate_value    INTEGER NOT NULL,
  amount        INTEGER NOT NULL CHECK (amount >= 0),
  clawed_back   INTEGER NOT NULL DEFAULT 0 CHECK (clawed_back >= 0),
  status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'paid', 'clawed_back')),
  reason        TEXT NOT NULL,           -- JSON: link, click time, sub, rule, program, rate
  payable_at    INTEGER NOT NULL,        -- created + hold days
  approved_at   INTEGER,
  created_at    INTEGER NOT NULL
);
CREATE INDEX commissions_partner_created ON commissions (partner_id, created_at);
CREATE INDEX commissions_sale ON commissions (sale_id);
CREATE INDEX commissions_status_payable ON commissions (status, payable_at);

CREATE TABLE payments (
  id          INTEGER PRIMARY KEY,
  partner_id  INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  amount      INTEGER NOT NULL CHECK (amount > 0),
  currency    TEXT NOT NULL,
  method      TEXT,
  reference   TEXT,
  note        TEXT,
  forced      INTEGER NOT NULL DEFAULT 0,
  at          INTEGER NOT NULL
);
CREATE INDEX payments_partner_at ON payments (partner_id, at);

-- The partner's money. Append-only: rows are never updated or deleted, only reversed.
-- amount is the signed effect on the balance; balance is the running balance after it.
CREATE TABLE ledger_entries (
  id             INTEGER PRIMARY KEY,
  partner_id     INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  at             INTEGER NOT NULL,
  type           TEXT NOT NULL CHECK (type IN ('commission', 'clawback', 'payment', 'adjustment')),
  amount         INTEGER NOT NULL,
  balance        INTEGER NOT NULL,
  currency       TEXT NOT NULL,
  description    TEXT NOT NULL,
  commission_id  INTEGER REFERENCES commissions (id),
  payment_id     INTEGER REFERENCES payments (id),
  reverses_id    INTEGER REFERENCES ledger_entries (id)
);
CREATE INDEX ledger_partner_at ON ledger_entries (partner_id, at, id);
CREATE INDEX ledger_commission ON ledger_entries (commission_id);
