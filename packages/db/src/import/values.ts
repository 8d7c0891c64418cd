// Parsers for one CSV cell each: they return the value to store, or a Bad carrying the problem. Cells
// arrive trimmed and non-empty (empty cells are null before any parser runs).
import { dateFromDay, parseTimestampToDay } from '../days';
import { rowProblems as problems, type RowProblem } from './problems';

/** A cell that failed to parse. A class, so that `instanceof` tells it from any parsed value. */
export class Bad {
  constructor(readonly problem: RowProblem) {}
}

export interface ParseContext {
  timeZone: string;
  currency: string;
  /** Decimal places the currency's minor unit allows. */
  exponent: number;
}

export type Parser = (cell: string, ctx: ParseContext) => unknown;


export const text: Parser = (cell) => cell;

/** A calendar date, stored as the workspace-local `YYYY-MM-DD`. */
export const localDate: Parser = (cell, ctx) => {
  const day = parseTimestampToDay(cell, ctx.timeZone);
  return day === null ? new Bad(problems.date) : dateFromDay(day);
};

/** A timestamp: its local day number (the raw text is stored beside it). */
export const dayOfTimestamp: Parser = (cell, ctx) => {
  const day = parseTimestampToDay(cell, ctx.timeZone);
  return day === null ? new Bad(problems.date) : day;
};

const decimalPattern = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/** Money in minor units: `1200`, `-15.50`; decimals beyond the currency's exponent must be zeros. */
export const money: Parser = (cell, ctx) => {
  const m = decimalPattern.exec(cell.replace(/^([+-]?)\./, '$10.'));
  if (!m) return new Bad(problems.amount);
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  if (fraction.length > ctx.exponent) return new Bad(problems.decimals(ctx.currency, ctx.exponent));
  const minor = Number(m[2]) * 10 ** ctx.exponent + Number(fraction.padEnd(ctx.exponent, '0') || '0');
  if (!Number.isSafeInteger(minor)) return new Bad(problems.tooLarge);
  return m[1] === '-' && minor !== 0 ? -minor : minor;
};

export const nonNegativeMoney: Parser = (cell, ctx) => {
  const v = money(cell, ctx);
  return typeof v === 'number' && v < 0 ? new Bad(problems.negative) : v;
};

const digits = /^\d+$/;

export const quantity: Parser = (cell) => {
  if (!digits.test(cell)) return new Bad(problems.quantity);
  const n = Number(cell);
  return Number.isSafeInteger(n) ? n : new Bad(problems.tooLarge);
};

function parseInteger(cell: string): number | Bad {
  if (!/^[+-]?\d+$/.test(cell)) return new Bad(problems.integer);
  const n = Number(cell);
  return Number.isSafeInteger(n) ? n : new Bad(problems.tooLarge);
}

/** Any whole number (stock may be negative when back-ordered). */
export const integer: Parser = parseInteger;

const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export const number: Parser = (cell) => {
  if (!numberPattern.test(cell)) return new Bad(problems.number);
  const n = Number(cell);
  return Number.isFinite(n) ? n : new Bad(problems.number);
};

const booleans = new Map<string, 0 | 1>([
  ['true', 1], ['false', 0], ['1', 1], ['0', 0], ['yes', 1], ['no', 0],
]);

/** true/false, 1/0, yes/no in any case, stored as 1/0. */
export const boolean: Parser = (cell) => booleans.get(cell.toLowerCase()) ?? new Bad(problems.boolean);

/** `;`-separated tags, trimmed, empty tags dropped. */
export const tagList: Parser = (cell) => {
  const tags = cell.split(';').map((t) => t.trim()).filter((t) => t !== '');
  return tags.length === 0 ? null : tags.join(';');
};

const statuses = new Map([['active', 'active'], ['paused', 'paused'], ['canceled', 'canceled'], ['cancelled', 'canceled']]);

export const membershipStatus: Parser = (cell) => statuses.get(cell.toLowerCase()) ?? new Bad(problems.status);

/** A JSON object, stored compactly. */
export const jsonObject: Parser = (cell) => {
  let v: unknown;
  try {
    v = JSON.parse(cell);
  } catch {
    return new Bad(problems.json);
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return new Bad(problems.jsonObject);
  return JSON.stringify(v);
};
