-- Core tables of the data contract, users, sessions, settings and the audit log.
-- Written in the SQL that SQLite and PostgreSQL share: booleans are INTEGER 0/1, money is BIGINT minor
-- units, timestamps are ISO 8601 TEXT, and *_day columns are whole days since 1970-01-01 in the
-- workspace's time zone (what every window, recency and tenure is computed from).

CREATE TABLE customers (
  customer_id TEXT PRIMARY KEY,
  email TEXT,
  first_name TEXT,
  last_name TEXT,
  birth_date TEXT,
  gender TEXT,
  country TEXT,
  region TEXT,
  city TEXT,
  postal_code TEXT,
  annual_income BIGINT,
  occupation TEXT,
  interests TEXT,
  lifestyle TEXT,
  signup_date TEXT,
  membership_plan TEXT,
  membership_status TEXT,
  canceled_at TEXT,
  email_opt_in INTEGER,
  sms_opt_in INTEGER,
  push_opt_in INTEGER,
  line_opt_in INTEGER,
  preferred_channel TEXT,
  acquisition_channel TEXT,
  primary_device TEXT,
  locale TEXT,
  custom_attributes TEXT NOT NULL DEFAULT '{}',
  from_orders_only INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);

CREATE TABLE products (
  product_id TEXT PRIMARY KEY,
  name TEXT,
  category TEXT,
  price BIGINT,
  stock INTEGER,
  updated_at TEXT NOT NULL
);

CREATE TABLE orders (
  order_id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (customer_id),
  ordered_at TEXT NOT NULL,
  ordered_day INTEGER NOT NULL,
  amount BIGINT NOT NULL,
  quantity INTEGER,
  category TEXT,
  channel TEXT,
  coupon_code TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX orders_customer_day ON orders (customer_id, ordered_day);
CREATE INDEX orders_day ON orders (ordered_day);

-- events.csv has no id: event_key is customer_id|event_type|occurred_at|product_id, so re-importing the
-- same event updates it instead of adding a copy.
CREATE TABLE events (
  event_key TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (customer_id),
  event_type TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  occurred_day INTEGER NOT NULL,
  product_id TEXT,
  value DOUBLE PRECISION,
  properties TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX events_customer_type_day ON events (customer_id, event_type, occurred_day);
CREATE INDEX events_type_day ON events (event_type, occurred_day);

-- One row per customer, rebuilt after every import and whenever the as-of date changes: the attributes
-- segments filter on plus everything computed as of the as-of date (orders on or after it are ignored).
CREATE TABLE customer_features (
  customer_id TEXT PRIMARY KEY,
  gender TEXT,
  birth_date TEXT,
  age INTEGER,
  country TEXT,
  region TEXT,
  city TEXT,
  postal_code TEXT,
  annual_income BIGINT,
  occupation TEXT,
  interests TEXT,
  lifestyle TEXT,
  signup_date TEXT,
  signup_day INTEGER,
  membership_plan TEXT,
  membership_status TEXT,
  canceled_day INTEGER,
  email_opt_in INTEGER NOT NULL,
  sms_opt_in INTEGER NOT NULL,
  push_opt_in INTEGER NOT NULL,
  line_opt_in INTEGER NOT NULL,
  has_email INTEGER NOT NULL,
  preferred_channel TEXT,
  acquisition_channel TEXT,
  primary_device TEXT,
  locale TEXT,
  custom_attributes TEXT NOT NULL,
  tenure_days INTEGER,
  first_order_day INTEGER,
  last_order_day INTEGER,
  recency_days INTEGER,
  frequency INTEGER NOT NULL,
  purchase_days INTEGER NOT NULL,
  monetary BIGINT NOT NULL,
  aov DOUBLE PRECISION,
  r_score INTEGER,
  f_score INTEGER,
  m_score INTEGER
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0
);

-- id is the SHA-256 of the cookie's token, so a leaked table cannot be replayed.
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  user_id TEXT,
  user_email TEXT,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT,
  details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE imports (
  id TEXT PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  user_id TEXT,
  status TEXT NOT NULL,
  files TEXT NOT NULL DEFAULT '{}',
  counts TEXT NOT NULL DEFAULT '{}',
  error_count INTEGER NOT NULL DEFAULT 0,
  errors TEXT NOT NULL DEFAULT '[]'
);
