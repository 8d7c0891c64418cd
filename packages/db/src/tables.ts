// Kysely row types for every table of migrations/. Keep in step with the numbered SQL files.
import type { ColumnType } from 'kysely';

/** 0 or 1: both dialects store booleans as integers so one set of queries serves both. */
export type Flag = 0 | 1;

export interface CustomersTable {
  customer_id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  birth_date: string | null;
  gender: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  postal_code: string | null;
  /** Minor units of the workspace currency. */
  annual_income: number | null;
  occupation: string | null;
  /** `;`-separated tags, as imported. */
  interests: string | null;
  lifestyle: string | null;
  signup_date: string | null;
  membership_plan: string | null;
  membership_status: string | null;
  canceled_at: string | null;
  email_opt_in: Flag | null;
  sms_opt_in: Flag | null;
  push_opt_in: Flag | null;
  line_opt_in: Flag | null;
  preferred_channel: string | null;
  acquisition_channel: string | null;
  primary_device: string | null;
  locale: string | null;
  /** JSON object of the unknown columns of customers.csv, values kept as strings. */
  custom_attributes: ColumnType<string, string | undefined, string>;
  from_orders_only: ColumnType<Flag, Flag | undefined, Flag>;
  updated_at: string;
}

export interface ProductsTable {
  product_id: string;
  name: string | null;
  category: string | null;
  price: number | null;
  stock: number | null;
  updated_at: string;
}

export interface OrdersTable {
  order_id: string;
  customer_id: string;
  ordered_at: string;
  /** Days since 1970-01-01 in the workspace time zone. */
  ordered_day: number;
  /** Minor units of the workspace currency. */
  amount: number;
  quantity: number | null;
  category: string | null;
  channel: string | null;
  coupon_code: string | null;
  updated_at: string;
}

export interface EventsTable {
  event_key: string;
  customer_id: string;
  event_type: string;
  occurred_at: string;
  occurred_day: number;
  product_id: string | null;
  value: number | null;
  /** JSON text. */
  properties: string | null;
  updated_at: string;
}

export interface CustomerFeaturesTable {
  customer_id: string;
  gender: string | null;
  birth_date: string | null;
  age: number | null;
  country: string | null;
  region: string | null;
  city: string | null;
  postal_code: string | null;
  annual_income: number | null;
  occupation: string | null;
  interests: string | null;
  lifestyle: string | null;
  signup_date: string | null;
  signup_day: number | null;
  membership_plan: string | null;
  membership_status: string | null;
  canceled_day: number | null;
  email_opt_in: Flag;
  sms_opt_in: Flag;
  push_opt_in: Flag;
  line_opt_in: Flag;
  has_email: Flag;
  preferred_channel: string | null;
  acquisition_channel: string | null;
  primary_device: string | null;
  locale: string | null;
  custom_attributes: string;
  tenure_days: number | null;
  first_order_day: number | null;
  last_order_day: number | null;
  recency_days: number | null;
  frequency: number;
  purchase_days: number;
  monetary: number;
  aov: number | null;
  r_score: number | null;
  f_score: number | null;
  m_score: number | null;
}

export type Role = 'admin' | 'marketer' | 'planner' | 'manager';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  created_at: string;
  disabled: ColumnType<Flag, Flag | undefined, Flag>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  user_id: string | null;
  user_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: ColumnType<string, string | undefined, string>;
}

export interface ImportsTable {
  id: string;
  started_at: string;
  finished_at: string | null;
  user_id: string | null;
  status: 'running' | 'succeeded' | 'failed';
  files: ColumnType<string, string | undefined, string>;
  counts: ColumnType<string, string | undefined, string>;
  error_count: ColumnType<number, number | undefined, number>;
  errors: ColumnType<string, string | undefined, string>;
}

export interface Database {
  customers: CustomersTable;
  products: ProductsTable;
  orders: OrdersTable;
  events: EventsTable;
  customer_features: CustomerFeaturesTable;
  users: UsersTable;
  sessions: SessionsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  imports: ImportsTable;
}
