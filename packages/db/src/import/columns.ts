// The data contract: the columns of each CSV file, which are required, and how each cell is parsed.
import type { CsvFile } from './types';
import {
  boolean,
  dayOfTimestamp,
  integer,
  jsonObject,
  localDate,
  membershipStatus,
  money,
  nonNegativeMoney,
  number,
  quantity,
  tagList,
  text,
  type Parser,
} from './values';

export interface ColumnSpec {
  /** Normalized header name, also the table column. */
  name: string;
  parse: Parser;
  /** The column must be in the header and every row must have a value. */
  required?: boolean;
  /** For timestamps: the *_day column stored beside the raw text. */
  dayColumn?: string;
}

const t = (name: string, required = false): ColumnSpec => ({ name, parse: text, required });

export const columnSpecs: Record<CsvFile, readonly ColumnSpec[]> = {
  customers: [
    t('customer_id', true),
    t('email'),
    t('first_name'),
    t('last_name'),
    { name: 'birth_date', parse: localDate },
    t('gender'),
    t('country'),
    t('region'),
    t('city'),
    t('postal_code'),
    { name: 'annual_income', parse: nonNegativeMoney },
    t('occupation'),
    { name: 'interests', parse: tagList },
    { name: 'lifestyle', parse: tagList },
    { name: 'signup_date', parse: localDate },
    t('membership_plan'),
    { name: 'membership_status', parse: membershipStatus },
    { name: 'canceled_at', parse: localDate },
    { name: 'email_opt_in', parse: boolean },
    { name: 'sms_opt_in', parse: boolean },
    { name: 'push_opt_in', parse: boolean },
    { name: 'line_opt_in', parse: boolean },
    t('preferred_channel'),
    t('acquisition_channel'),
    t('primary_device'),
    t('locale'),
  ],
  orders: [
    t('order_id', true),
    t('customer_id', true),
    { name: 'ordered_at', parse: dayOfTimestamp, required: true, dayColumn: 'ordered_day' },
    { name: 'amount', parse: money, required: true },
    { name: 'quantity', parse: quantity },
    t('category'),
    t('channel'),
    t('coupon_code'),
  ],
  events: [
    t('customer_id', true),
    t('event_type', true),
    { name: 'occurred_at', parse: dayOfTimestamp, required: true, dayColumn: 'occurred_day' },
    t('product_id'),
    { name: 'value', parse: number },
    { name: 'properties', parse: jsonObject },
  ],
  products: [
    t('product_id', true),
    t('name'),
    t('category'),
    { name: 'price', parse: nonNegativeMoney },
    { name: 'stock', parse: integer },
  ],
};

/** The column that must be unique within a file and is the table's key (events have none). */
export const idColumn: Record<CsvFile, string | null> = {
  customers: 'customer_id',
  orders: 'order_id',
  events: null,
  products: 'product_id',
};

export const tableOf = {
  customers: 'customers',
  orders: 'orders',
  events: 'events',
  products: 'products',
} as const satisfies Record<CsvFile, string>;

/** Header cell → column name: trimmed, lower case, inner spaces and dashes as underscores. */
export function normalizeHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}
