// The live preview's bookkeeping, kept pure: requests are numbered, a response counts only when it answers
// the newest request (older ones are discarded), the previous figure stays on screen while loading, and
// the change since the last edit is the difference between the last two figures shown.
export interface PreviewState<R> {
  /** Number of the newest request; responses to any other are stale. */
  latest: number;
  /** The rule the editor holds now. */
  wanted: string | null;
  /** What is on screen: the newest answer, kept while the next one loads. */
  shown: { key: string; result: R } | null;
  loading: boolean;
  /** Count shown now minus the count shown before the last edit; null until there are two figures. */
  change: number | null;
  error: unknown;
  /** The rule is invalid in the browser: nothing was asked, and no count may be shown for it. */
  invalid: boolean;
}

export type PreviewAction<R> =
  | { type: 'request'; key: string; seq: number }
  | { type: 'resolve'; key: string; seq: number; result: R }
  | { type: 'reject'; seq: number; error: unknown }
  | { type: 'invalid'; key: string };

export function initialPreview<R>(): PreviewState<R> {
  return { latest: 0, wanted: null, shown: null, loading: false, change: null, error: null, invalid: false };
}

/** `countOf` reads the count of a result, or null when the server found the rule invalid. */
export function previewReducer<R>(countOf: (result: R) => number | null) {
  return (state: PreviewState<R>, action: PreviewAction<R>): PreviewState<R> => {
    switch (action.type) {
      case 'request':
        return { ...state, latest: action.seq, wanted: action.key, loading: true, error: null, invalid: false };
      case 'invalid':
        return { ...state, wanted: action.key, loading: false, error: null, invalid: true };
      case 'resolve': {
        if (action.seq !== state.latest) return state;
        const before = state.shown ? countOf(state.shown.result) : null;
        const now = countOf(action.result);
        const sameRule = state.shown?.key === action.key;
        const change = sameRule ? state.change : before !== null && now !== null ? now - before : state.change;
        return { ...state, shown: { key: action.key, result: action.result }, loading: false, change, error: null };
      }
      case 'reject':
        return action.seq === state.latest ? { ...state, loading: false, error: action.error } : state;
    }
  };
}

/** The figure on screen belongs to the rule being edited (not a kept one from before the last edit). */
export function isCurrent<R>(state: PreviewState<R>): boolean {
  return !state.loading && !state.invalid && state.shown !== null && state.shown.key === state.wanted;
}

/** A short stable tag of a rule key, for the DOM (tests and measurements read which rule a figure is for). */
export function keyTag(key: string): string {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0).toString(36);
}

/** Remembers the last answers by rule, so undo and redo show their figure at once. */
export class AnswerCache<R> {
  private readonly map = new Map<string, R>();
  constructor(private readonly limit = 50) {}

  get(key: string): R | undefined {
    const hit = this.map.get(key);
    if (hit !== undefined) {
      this.map.delete(key);
      this.map.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: R): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as string);
  }

  clear(): void {
    this.map.clear();
  }
}
