// SQL for behaviour conditions: a correlated subquery over the customer's orders or events of one type in
// the window, aggregated and compared. No rows: count and sum are 0, avg and max are NULL (false).
import { assertNever } from '../errors';
import type { LoweredBehaviour } from '../lower';
import type { SqlWriter } from './writer';

export function behaviourSql(w: SqlWriter, b: LoweredBehaviour): string {
  // A thunk: parameters are pushed in the order their `?` appear in the text (SQLite binds by position).
  const from = (): string => fromWhere(w, b);
  const m = measureColumn(b);
  // Each aggregate is tested inside its own subquery (one row, no GROUP BY): the subquery text is written
  // once, so its parameters are bound once.
  const holds = (condition: string): string => `((SELECT CASE WHEN ${condition} THEN 1 ELSE 0 END ${from()}) = 1)`;
  switch (b.aggregate) {
    case 'count': {
      const exists = existsShortcut(b.test);
      if (exists === 'exists') return `EXISTS (SELECT 1 ${from()})`;
      if (exists === 'not_exists') return `NOT EXISTS (SELECT 1 ${from()})`;
      return holds(testOn(w, 'COUNT(*)', b.test));
    }
    case 'distinct_days':
      return holds(testOn(w, `COUNT(DISTINCT ${b.source === 'orders' ? 'o.ordered_day' : 'e.occurred_day'})`, b.test));
    case 'sum':
      return holds(testOn(w, `COALESCE(SUM(${m}), 0)`, b.test));
    case 'max':
      return holds(`MAX(${m}) IS NOT NULL AND ${testOn(w, `MAX(${m})`, b.test)}`);
    case 'avg':
      // avg OP x is written SUM OP x × COUNT: exact for integer amounts in both dialects and in memory.
      return holds(`COUNT(${m}) > 0 AND ${avgTest(w, m, b.test)}`);
    default:
      return assertNever(b.aggregate);
  }
}

function measureColumn(b: LoweredBehaviour): string {
  switch (b.measure) {
    case 'amount':
      return 'o.amount';
    case 'quantity':
      return 'o.quantity';
    case 'value':
      return 'e.value';
    case null:
      return '1';
    default:
      return assertNever(b.measure);
  }
}

function fromWhere(w: SqlWriter, b: LoweredBehaviour): string {
  const f = b.filters;
  const parts: string[] = [];
  if (b.source === 'orders') {
    parts.push('o.customer_id = cf.customer_id');
    windowParts(w, 'o.ordered_day', b, parts);
    if (f.categories) parts.push(`o.category IN (${w.list(f.categories, 'text')})`);
    if (f.channels) parts.push(`o.channel IN (${w.list(f.channels, 'text')})`);
    if (f.couponUsed === true) parts.push(`(o.coupon_code IS NOT NULL AND o.coupon_code <> '')`);
    if (f.couponUsed === false) parts.push(`(o.coupon_code IS NULL OR o.coupon_code = '')`);
    return `FROM orders o WHERE ${parts.join(' AND ')}`;
  }
  parts.push('e.customer_id = cf.customer_id', `e.event_type = ${w.param(b.eventType ?? '', 'text')}`);
  windowParts(w, 'e.occurred_day', b, parts);
  if (f.productIds) parts.push(`e.product_id IN (${w.list(f.productIds, 'text')})`);
  if (f.categories || f.lowStockBelow !== undefined) {
    const p = ['p.product_id = e.product_id'];
    if (f.categories) p.push(`p.category IN (${w.list(f.categories, 'text')})`);
    if (f.lowStockBelow !== undefined) p.push(`p.stock < ${w.param(f.lowStockBelow, 'num')}`);
    parts.push(`EXISTS (SELECT 1 FROM products p WHERE ${p.join(' AND ')})`);
  }
  return `FROM events e WHERE ${parts.join(' AND ')}`;
}

function windowParts(w: SqlWriter, column: string, b: LoweredBehaviour, parts: string[]): void {
  if (b.window.from !== null) parts.push(`${column} >= ${w.param(b.window.from, 'int')}`);
  parts.push(`${column} <= ${w.param(b.window.to, 'int')}`);
}

/** count ≥ 1 is EXISTS and count < 1 is NOT EXISTS: cheaper than counting every row. */
function existsShortcut(test: LoweredBehaviour['test']): 'exists' | 'not_exists' | null {
  if (test.t !== 'range') return null;
  const minInt = test.lo === -Infinity ? -Infinity : test.loOpen ? Math.floor(test.lo) + 1 : Math.ceil(test.lo);
  const maxInt = test.hi === Infinity ? Infinity : test.hiOpen ? Math.ceil(test.hi) - 1 : Math.floor(test.hi);
  if (maxInt === Infinity && minInt === 1) return 'exists';
  if (maxInt === 0 && minInt <= 0) return 'not_exists';
  return null;
}

function testOn(w: SqlWriter, expr: string, test: LoweredBehaviour['test']): string {
  if (test.t === 'neq') return `${expr} <> ${w.param(test.value, 'num')}`;
  const parts: string[] = [];
  if (test.lo !== -Infinity) parts.push(`${expr} ${test.loOpen ? '>' : '>='} ${w.param(test.lo, 'num')}`);
  if (test.hi !== Infinity) parts.push(`${expr} ${test.hiOpen ? '<' : '<='} ${w.param(test.hi, 'num')}`);
  return parts.join(' AND ');
}

function avgTest(w: SqlWriter, m: string, test: LoweredBehaviour['test']): string {
  const sum = `SUM(${m})`;
  const times = (x: number): string => `${w.param(x, 'num')} * COUNT(${m})`;
  if (test.t === 'neq') return `${sum} <> ${times(test.value)}`;
  const parts: string[] = [];
  if (test.lo !== -Infinity) parts.push(`${sum} ${test.loOpen ? '>' : '>='} ${times(test.lo)}`);
  if (test.hi !== Infinity) parts.push(`${sum} ${test.hiOpen ? '<' : '<='} ${times(test.hi)}`);
  return parts.join(' AND ');
}
