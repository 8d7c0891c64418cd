// Parsers for one CSV cell each: they return the value to store, or a Bad carrying the reason. Cells
// arrive trimmed and non-empty (empty cells are null before any parser runs).
import { dateFromDay, parseTimestampToDay } from '../days';

/** A cell that failed to parse. A class, not a result object, so the hot path allocates nothing. */
export class Bad {
  constructor(readonly reason: string) {}
}

export interface ParseContext {
  timeZone: string;
  currency: string;
  /** Decimal places the currency's minor unit allows. */
  exponent: number;
}

export type Parser = (cell: string, ctx: ParseContext) => unknown;

/** Every reason an import reports, so tests and docs use the same words. */
export const reasons = {
  missingColumn: 'missing required column',
  duplicateColumn: 'column appears twice in the header',
  emptyFile: 'file is empty: expected a header row',
  empty: 'required value is empty',
  fieldCount: (expected: number, found: number) => `expected ${expected} fields, found ${found}`,
  malformed: (detail: string) => `malformed CSV: ${detail}`,
  date: 'not a date: expected ISO 8601 such as 2024-03-01 or 2024-03-01T10:00:00+09:00',
  amount: 'not an amount: expected a number such as 1200 or -15.50',
  decimals: (currency: string, exponent: number) =>
    `more than ${exponent} decimal place${exponent === 1 ? '' : 's'} for ${currency}`,
  tooLarge: 'number too large',
  negative: 'must not be negative',
  quantity: 'quantity must be a non-negative integer',
  integer: 'not an integer',
  number: 'not a number',
  boolean: 'not a boolean: expected true/false, 1/0 or yes/no',
  json: 'not valid JSON',
  jsonObject: 'properties must be a JSON object',
  survey: 'survey value must be an integer from 1 to 5',
  status: 'membership_status must be active, paused or canceled',
  duplicate: (column: string, firstLine: number) => `duplicate ${column} (first seen on line ${firstLine})`,
  unknownCustomer: 'unknown customer: not in the database nor in customers.csv (strict mode)',
} as const;

export const text: Parser = (cell) => cell;

/** A calendar date, stored as the workspace-local `YYYY-MM-DD`. */
export const localDate: Parser = (cell, ctx) => {
  const day = parseTimestampToDay(cell, ctx.timeZone);
  return day === null ? new Bad(reasons.date) : dateFromDay(day);
};

/** A timestamp: its local day number (the raw text is stored beside it). */
export const dayOfTimestamp: Parser = (cell, ctx) => {
  const day = parseTimestampToDay(cell, ctx.timeZone);
  return day === null ? new Bad(reasons.date) : day;
};

const decimalPattern = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/** Money in minor units: `1200`, `-15.50`; decimals beyond the currency's exponent must be zeros. */
export const money: Parser = (cell, ctx) => {
  const m = decimalPattern.exec(cell.replace(/^([+-]?)\./, '$10.'));
  if (!m) return new Bad(reasons.amount);
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  if (fraction.length > ctx.exponent) return new Bad(reasons.decimals(ctx.currency, ctx.exponent));
  const minor = Number(m[2]) * 10 ** ctx.exponent + Number(fraction.padEnd(ctx.exponent, '0') || '0');
  if (!Number.isSafeInteger(minor)) return new Bad(reasons.tooLarge);
  return m[1] === '-' && minor !== 0 ? -minor : minor;
};

export const nonNegativeMoney: Parser = (cell, ctx) => {
  const v = money(cell, ctx);
  return typeof v === 'number' && v < 0 ? new Bad(reasons.negative) : v;
};

const digits = /^\d+$/;

export const quantity: Parser = (cell) => {
  if (!digits.test(cell)) return new Bad(reasons.quantity);
  const n = Number(cell);
  return Number.isSafeInteger(n) ? n : new Bad(reasons.tooLarge);
};

function parseInteger(cell: string): number | Bad {
  if (!/^[+-]?\d+$/.test(cell)) return new Bad(reasons.integer);
  const n = Number(cell);
  return Number.isSafeInteger(n) ? n : new Bad(reasons.tooLarge);
}

/** Any whole number (stock may be negative when back-ordered). */
export const integer: Parser = parseInteger;

const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export const number: Parser = (cell) => {
  if (!numberPattern.test(cell)) return new Bad(reasons.number);
  const n = Number(cell);
  return Number.isFinite(n) ? n : new Bad(reasons.number);
};

const booleans = new Map<string, 0 | 1>([
  ['true', 1], ['false', 0], ['1', 1], ['0', 0], ['yes', 1], ['no', 0],
]);

/** true/false, 1/0, yes/no in any case, stored as 1/0. */
export const boolean: Parser = (cell) => booleans.get(cell.toLowerCase()) ?? new Bad(reasons.boolean);

/** `;`-separated tags, trimmed, empty tags dropped. */
export const tagList: Parser = (cell) => {
  const tags = cell.split(';').map((t) => t.trim()).filter((t) => t !== '');
  return tags.length === 0 ? null : tags.join(';');
};

const statuses = new Map([['active', 'active'], ['paused', 'paused'], ['canceled', 'canceled'], ['cancelled', 'canceled']]);

export const membershipStatus: Parser = (cell) => statuses.get(cell.toLowerCase()) ?? new Bad(reasons.status);

/** A JSON object, stored compactly. */
export const jsonObject: Parser = (cell) => {
  let v: unknown;
  try {
    v = JSON.parse(cell);
  } catch {
    return new Bad(reasons.json);
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return new Bad(reasons.jsonObject);
  return JSON.stringify(v);
};
