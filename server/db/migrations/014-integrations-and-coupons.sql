-- name: coupon codes, Stripe and Shopify connectors (settings, received and held events)

-- A partner's coupon / promotion codes, set by the merchant: a sale carrying one (tracking API
-- couponCode, a Stripe promotion code, a Shopify discount code) is credited to the partner.
-- Codes are unique across partners, compared case-insensitively (the column's collation).
CREATE TABLE coupons (
  id          INTEGER PRIMARY KEY,
  partner_id  INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  code        TEXT NOT NULL COLLATE NOCASE UNIQUE,
  created_at  INTEGER NOT NULL
);
CREATE INDEX coupons_partner ON coupons (partner_id);

-- The owner's connector secrets: one row at most. NULL falls back to the environment
-- (STRIPE_WEBHOOK_SECRET, SHOPIFY_WEBHOOK_SECRET). Never shown back.
CREATE TABLE integration_settings (
  id                      INTEGER PRIMARY KEY CHECK (id = 1),
  stripe_webhook_secret   TEXT,
  shopify_webhook_secret  TEXT,
  updated_at              INTEGER NOT NULL
);

-- Every event a connector handled, once per provider and event id (a delivery again: duplicate).
-- result: recorded | ignored | held. detail: why it was ignored, or what it recorded.
CREATE TABLE integration_events (
  id           INTEGER PRIMARY KEY,
  provider     TEXT NOT NULL CHECK (provider IN ('stripe', 'shopify')),
  event_id     TEXT NOT NULL,
  type         TEXT NOT NULL,
  result       TEXT NOT NULL CHECK (result IN ('recorded', 'ignored', 'held')),
  detail       TEXT,
  received_at  INTEGER NOT NULL,
  UNIQUE (provider, event_id)
);

-- The provider's references of a recorded sale (a Stripe payment intent or invoice, a Shopify
-- order id) → the sale's order id, so a refund naming the payment finds its sale.
CREATE TABLE integration_refs (
  provider  TEXT NOT NULL CHECK (provider IN ('stripe', 'shopify')),
  ref       TEXT NOT NULL,
  order_id  TEXT NOT NULL,
  PRIMARY KEY (provider, ref)
);

-- A refund or cancel that arrived before its sale: kept with its payload, applied (and deleted)
-- when a sale with one of its references is recorded.
CREATE TABLE held_events (
  id           INTEGER PRIMARY KEY,
  provider     TEXT NOT NULL CHECK (provider IN ('stripe', 'shopify')),
  ref          TEXT NOT NULL,
  event_id     TEXT NOT NULL,
  type         TEXT NOT NULL,
  payload      TEXT NOT NULL,
  received_at  INTEGER NOT NULL
);
CREATE INDEX held_events_ref ON held_events (provider, ref);
