-- Saved segments: the segment row (current version, soft delete), every saved version of its rule, the
-- members materialized from the current version, and one size per segment and as-of date for trends.
-- Rules and tags are JSON text; user ids are plain text (null for the CLI) so disabling users never blocks.

CREATE TABLE segments (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  tags TEXT NOT NULL DEFAULT '[]',
  current_version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  deleted_at TEXT,
  -- What segment_members was computed for: the as-of date and when (stale once newer data arrived).
  members_as_of_date TEXT,
  members_refreshed_at TEXT
);
-- Names are unique among live segments, ignoring ASCII case; a deleted segment frees its name.
CREATE UNIQUE INDEX segments_live_name ON segments (lower(name)) WHERE deleted_at IS NULL;

CREATE TABLE segment_versions (
  segment_id TEXT NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  rule TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  tags TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT,
  -- Why this version exists beyond an edit, e.g. "restored version 2" or "duplicated from …".
  note TEXT,
  PRIMARY KEY (segment_id, version)
);

-- No foreign key to customers: memberships are rebuilt wholesale and must never block a customer import.
CREATE TABLE segment_members (
  segment_id TEXT NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  customer_id TEXT NOT NULL,
  PRIMARY KEY (segment_id, customer_id)
);
CREATE INDEX segment_members_customer ON segment_members (customer_id);

-- date is the as-of date the size was computed for (YYYY-MM-DD): one row per segment and day, upserted.
CREATE TABLE segment_size_history (
  segment_id TEXT NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  size INTEGER NOT NULL,
  computed_at TEXT NOT NULL,
  PRIMARY KEY (segment_id, date)
);
