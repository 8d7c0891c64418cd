import { describe, expect, it } from 'vitest';
import { rowErrorCodes, rowProblems, type RowProblem } from './problems';

/** One instance of every problem, with sample arguments for those that take some. */
function everyProblem(): [string, RowProblem][] {
  return Object.entries(rowProblems).map(([key, entry]) => {
    if (typeof entry !== 'function') return [key, entry];
    const args = entry.length === 2 ? (key === 'decimals' ? ['USD', 2] : key === 'duplicate' ? ['order_id', 2] : [8, 3]) : ['boom'];
    return [key, (entry as (...a: unknown[]) => RowProblem)(...args)];
  });
}

describe('row problems', () => {
  it('exist for every code, each under its own code', () => {
    const all = everyProblem();
    expect(all.map(([key]) => key).sort()).toEqual([...rowErrorCodes].sort());
    for (const [key, problem] of all) expect(problem.code).toBe(key);
  });

  it('carry the values their English sentence mentions', () => {
    expect(rowProblems.fieldCount(8, 3)).toEqual({ code: 'fieldCount', params: { expected: 8, found: 3 }, reason: 'expected 8 fields, found 3' });
    expect(rowProblems.decimals('JPY', 0)).toEqual({ code: 'decimals', params: { currency: 'JPY', exponent: 0 }, reason: 'more than 0 decimal places for JPY' });
    expect(rowProblems.decimals('KWD', 1).reason).toBe('more than 1 decimal place for KWD');
    expect(rowProblems.duplicate('customer_id', 12)).toEqual({
      code: 'duplicate',
      params: { column: 'customer_id', firstLine: 12 },
      reason: 'duplicate customer_id (first seen on line 12)',
    });
    expect(rowProblems.malformed('Quote Not Closed')).toMatchObject({ params: { detail: 'Quote Not Closed' }, reason: 'malformed CSV: Quote Not Closed' });
    expect(rowProblems.unreadable('EACCES')).toMatchObject({ code: 'unreadable', reason: 'cannot read the file: EACCES' });
    expect(rowProblems.importFailed('disk full')).toMatchObject({ params: { message: 'disk full' }, reason: 'import failed: disk full' });
  });

  it('without parameters are shared and cannot be changed by a report that holds them', () => {
    expect(rowProblems.date.params).toEqual({});
    expect(Object.isFrozen(rowProblems.date)).toBe(true);
    expect(Object.isFrozen(rowProblems.date.params)).toBe(true);
  });
});
