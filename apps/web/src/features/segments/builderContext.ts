// What every node of the rule editor reads besides its own value: the field registry, names, counts and
// errors of the live preview, whether editing is allowed, and the whole-tree edits (move, negate, replace)
// that go through undo history.
import type { SegmentRule } from '@kizuna/segments';
import { createContext, useContext } from 'react';
import type { PickerChoice } from './fieldCatalog';
import type { Phrasebook } from './ruleSentence';
import type { BuilderField, BuilderFields } from './useSegments';

export interface NodeCountView {
  count: number;
  cumulative: number | null;
}

export interface RuleIssue {
  code: string;
  message: string;
}

export interface SegmentOption {
  id: string;
  name: string;
}

export interface BuilderApi {
  fields: BuilderFields;
  fieldById: ReadonlyMap<string, BuilderField>;
  book: Phrasebook;
  /** Saved segments a reference may point to (never the one being edited). */
  segments: readonly SegmentOption[];
  readOnly: boolean;
  /** The current rule, read at the moment of the call (not a render-time snapshot). */
  getRule: () => SegmentRule;
  /** Replaces the whole rule (structural edits, drag and drop); recorded as one undo step. */
  replaceRule: (next: SegmentRule, focusId?: string) => void;
  /** Asks the node with this id to take focus once it is on screen. */
  requestFocus: (id: string) => void;
  takeFocus: (id: string) => boolean;
  /** Opens the field picker; `onPick` gets the new condition. */
  openPicker: (request: PickerRequest) => void;
}

export interface PickerRequest {
  /** The control to return focus to when the picker closes. */
  returnFocus: HTMLElement | null;
  /** Puts the chosen condition in place (appends it to a group, or replaces a condition's field). */
  onPick: (choice: PickerChoice) => void;
}

/** What changes with every preview: kept apart so only badges and problem lists re-render for it. */
export interface LiveFigures {
  /** Per node id, from the newest preview; `current` is false while they belong to an older edit. */
  counts: ReadonlyMap<string, NodeCountView>;
  current: boolean;
  /** Problems per node path (`pathKey`). */
  issues: ReadonlyMap<string, readonly RuleIssue[]>;
}

export const BuilderContext = createContext<BuilderApi | null>(null);
export const FiguresContext = createContext<LiveFigures>({ counts: new Map(), current: false, issues: new Map() });

export function useBuilder(): BuilderApi {
  const api = useContext(BuilderContext);
  if (!api) throw new Error('useBuilder outside the segment builder');
  return api;
}

export function useFigures(): LiveFigures {
  return useContext(FiguresContext);
}
