-- name: outgoing webhooks: endpoints, events and their deliveries

-- An endpoint the merchant registered: where events are POSTed, signed with its secret
-- (Standard Webhooks, `whsec_` + base64; shown once, at creation). events: JSON list of event
-- types. failing_since: the first failed try since the last delivered one (null: healthy); an
-- endpoint failing every delivery for three days is disabled with the reason in disabled_reason.
CREATE TABLE webhook_endpoints (
  id               INTEGER PRIMARY KEY,
  url              TEXT NOT NULL,
  description      TEXT NOT NULL DEFAULT '',
  events           TEXT NOT NULL DEFAULT '[]',
  secret           TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),
  disabled_reason  TEXT,
  failing_since    INTEGER,
  failure_streak   INTEGER NOT NULL DEFAULT 0,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
);

-- One event (partner.created, sale.created …): the exact JSON body sent, written in the same
-- transaction as the change it tells of. msg_id is the webhook-id header (the same on every try).
CREATE TABLE webhook_events (
  id          INTEGER PRIMARY KEY,
  msg_id      TEXT NOT NULL UNIQUE,
  type        TEXT NOT NULL,
  payload     TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);

-- One event to one endpoint (written with the event). A background worker claims due rows
-- (pending, or sending with an expired lease: its process died) by setting locked_until in one
-- UPDATE, POSTs, then marks them delivered or schedules a retry (exponential backoff with
-- jitter, up to three days after created_at), then failed.
-- status: pending | sending | delivered | failed.
CREATE TABLE webhook_deliveries (
  id               INTEGER PRIMARY KEY,
  event_id         INTEGER NOT NULL REFERENCES webhook_events (id) ON DELETE CASCADE,
  endpoint_id      INTEGER NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER,
  locked_until     INTEGER,
  response_code    INTEGER,
  duration_ms      INTEGER,
  last_error       TEXT,
  created_at       INTEGER NOT NULL,
  last_attempt_at  INTEGER,
  delivered_at     INTEGER
);
-- the worker's claim: due pending rows, and sending rows whose lease ran out
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at) WHERE status IN ('pending', 'sending');
-- an endpoint's delivery log, newest first
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, id);
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id);
