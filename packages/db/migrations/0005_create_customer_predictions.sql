-- Per-customer BG/NBD + Gamma-Gamma predictions as of the workspace's as-of date, rewritten by the KPI feature
-- whenever its cache is refreshed (after imports and as-of changes). Only customers with a purchase before
-- the as-of date have a row; segment rules read p_alive and predicted_clv through a subquery on customer_id,
-- so a missing row is "not set". No foreign key: the table is replaced wholesale and must never block an
-- import.
CREATE TABLE customer_predictions (
  customer_id TEXT PRIMARY KEY,
  -- Probability the customer is still active (BG/NBD), 0–1.
  p_alive DOUBLE PRECISION NOT NULL,
  -- Expected purchase days in the 90 days from the as-of date.
  expected_purchases_90d DOUBLE PRECISION NOT NULL,
  -- Expected revenue over the horizon of the fit (365 days), rounded to minor units of the workspace currency.
  predicted_clv BIGINT NOT NULL
);

-- What the rows above were computed for: one row, id 'current'. data_stamp identifies the data the fit saw
-- (imports and newest day), so a reader can tell whether the predictions are stale.
CREATE TABLE customer_prediction_fit (
  id TEXT PRIMARY KEY,
  as_of_date TEXT NOT NULL,
  data_stamp TEXT NOT NULL,
  horizon_days INTEGER NOT NULL,
  customers INTEGER NOT NULL,
  -- JSON: fitted parameters, or why no model could be fitted.
  model TEXT NOT NULL,
  fitted_at TEXT NOT NULL
);
