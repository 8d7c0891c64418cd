// Undo and redo over snapshots of the rule. Typing in one field within a short pause is one step, so undo
// goes back a word, not a keystroke.
export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
  /** What the last recorded change edited and when (ms), for merging keystrokes into one step. */
  lastKey: string | null;
  lastAt: number;
}

export const HISTORY_LIMIT = 100;
export const MERGE_WINDOW_MS = 800;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastKey: null, lastAt: 0 };
}

/**
 * Records a new present. `key` names what changed (a field's form name); a change with the same key as the
 * previous one within MERGE_WINDOW_MS replaces it instead of adding a step. Structural edits pass null.
 */
export function record<T>(history: History<T>, next: T, key: string | null, at: number, equal: (a: T, b: T) => boolean): History<T> {
  if (equal(history.present, next)) return history;
  const merge = key !== null && key === history.lastKey && at - history.lastAt <= MERGE_WINDOW_MS && history.past.length > 0;
  const past = merge ? history.past : [...history.past, history.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], lastKey: key, lastAt: at };
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    lastKey: null,
    lastAt: 0,
  };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest, lastKey: null, lastAt: 0 };
}

export const canUndo = (history: History<unknown>): boolean => history.past.length > 0;
export const canRedo = (history: History<unknown>): boolean => history.future.length > 0;
