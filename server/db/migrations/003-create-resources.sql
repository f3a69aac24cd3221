-- name: banners, uploads, email copy, resource pages

CREATE TABLE uploads (
  id            INTEGER PRIMARY KEY,
  content_type  TEXT NOT NULL,
  bytes         BLOB NOT NULL,
  size          INTEGER NOT NULL,
  sha256        TEXT NOT NULL,
  created_at    INTEGER NOT NULL
);

CREATE TABLE banners (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  image_url   TEXT,                      -- an external image, or…
  upload_id   INTEGER REFERENCES uploads (id) ON DELETE RESTRICT,  -- …one stored here
  width       INTEGER NOT NULL CHECK (width > 0),
  height      INTEGER NOT NULL CHECK (height > 0),
  alt         TEXT NOT NULL,
  link_id     INTEGER NOT NULL REFERENCES links (id) ON DELETE RESTRICT,
  sort_order  INTEGER NOT NULL DEFAULT 0,
  status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  CHECK ((image_url IS NULL) <> (upload_id IS NULL))
);

CREATE TABLE email_copy (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  subject     TEXT NOT NULL,
  body        TEXT NOT NULL,             -- plain text with {{link}}, {{partner.name}}, {{partner.code}}
  link_id     INTEGER REFERENCES links (id) ON DELETE SET NULL,  -- what {{link}} points to
  sort_order  INTEGER NOT NULL DEFAULT 0,
  status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);

CREATE TABLE resource_pages (
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL,
  slug        TEXT NOT NULL COLLATE NOCASE UNIQUE,
  body        TEXT NOT NULL,             -- markdown
  sort_order  INTEGER NOT NULL DEFAULT 0,
  status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
