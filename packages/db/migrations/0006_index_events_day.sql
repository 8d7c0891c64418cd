-- The automatic as-of date reads the newest event day; without this index that is a full scan of events.
CREATE INDEX events_day ON events (occurred_day);
