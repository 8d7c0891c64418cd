-- Campaigns (offer variants and content as JSON), the segment × campaign matrix (which segment gets which
-- offer variant of a campaign, ranked within the campaign) and the matrix's versions: full snapshots of
-- assignments, priorities and the frequency cap that a planner can list and restore.

CREATE TABLE campaigns (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  goal TEXT NOT NULL,
  channel TEXT NOT NULL,
  start_day INTEGER NOT NULL,
  -- NULL: open-ended (a welcome or birthday series).
  end_day INTEGER,
  holdout_percent DOUBLE PRECISION NOT NULL,
  segmentation INTEGER NOT NULL,
  personalization INTEGER NOT NULL,
  -- JSON array of offer variants: id, kind, label, coupon code, cost per redemption in minor units, ….
  offers TEXT NOT NULL,
  -- JSON {subject, body} with personalization tokens.
  content TEXT NOT NULL,
  template_id TEXT,
  -- Campaign priority, 1 = highest: under the weekly frequency cap, higher campaigns keep the customer.
  priority INTEGER NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  created_by TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT
);
CREATE INDEX campaigns_priority ON campaigns (priority);

-- No foreign key to segments: a segment deleted with force leaves its cells, which the matrix reports.
CREATE TABLE matrix_cells (
  campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  segment_id TEXT NOT NULL,
  offer_id TEXT NOT NULL,
  -- Segment priority within the campaign, 1 = highest: a customer in several assigned segments gets this one.
  priority INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, segment_id)
);
CREATE INDEX matrix_cells_segment ON matrix_cells (segment_id);

-- version 1, 2, …: one row per change. snapshot is JSON {campaignOrder, cells, frequencyCapPerWeek}.
CREATE TABLE matrix_versions (
  version INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  user_id TEXT,
  user_email TEXT,
  change TEXT NOT NULL,
  summary TEXT NOT NULL,
  snapshot TEXT NOT NULL
);
