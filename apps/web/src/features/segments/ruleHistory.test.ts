import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, HISTORY_LIMIT, MERGE_WINDOW_MS, record, redo, startHistory, undo } from './ruleHistory';

const eq = (a: number, b: number) => a === b;

describe('rule history', () => {
  it('undoes and redoes in order, and a new edit drops the redo steps', () => {
    let h = startHistory(0);
    h = record(h, 1, null, 0, eq);
    h = record(h, 2, null, 10, eq);
    expect(canUndo(h)).toBe(true);
    h = undo(h);
    expect(h.present).toBe(1);
    expect(canRedo(h)).toBe(true);
    h = redo(h);
    expect(h.present).toBe(2);
    h = undo(undo(h));
    expect(h.present).toBe(0);
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = record(h, 5, null, 20, eq);
    expect(canRedo(h)).toBe(false);
    expect(redo(h)).toBe(h);
  });

  it('merges quick edits of the same field into one step, not edits of different fields or after a pause', () => {
    let h = startHistory(0);
    h = record(h, 1, 'age', 0, eq);
    h = record(h, 12, 'age', 100, eq);
    h = record(h, 123, 'age', 200, eq);
    expect(h.past).toEqual([0]);
    h = record(h, 124, 'income', 300, eq);
    expect(h.past).toEqual([0, 123]);
    h = record(h, 125, 'income', 300 + MERGE_WINDOW_MS + 1, eq);
    expect(h.past).toEqual([0, 123, 124]);
    expect(undo(h).present).toBe(124);
  });

  it('ignores a change that changes nothing and keeps a bounded past', () => {
    let h = startHistory(0);
    expect(record(h, 0, null, 0, eq)).toBe(h);
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) h = record(h, i, null, i, eq);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(20);
  });
});
