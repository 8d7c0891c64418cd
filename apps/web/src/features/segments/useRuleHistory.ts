// Undo and redo for the rule in the form: every change to `rule` is recorded (quick edits of one condition
// merge into one step); undo and redo put a snapshot back with reset(), which re-syncs every field array.
import type { SegmentRule } from '@kizuna/segments';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { BuilderValues } from './formValues';
import type { History } from './ruleHistory';
import { canRedo, canUndo, record, redo, startHistory, undo } from './ruleHistory';

const clone = (rule: SegmentRule): SegmentRule => structuredClone(rule);
const same = (a: SegmentRule, b: SegmentRule) => JSON.stringify(a) === JSON.stringify(b);

export interface RuleHistoryApi {
  canUndo: boolean;
  canRedo: boolean;
  undo: () => void;
  redo: () => void;
  /** A whole-tree edit (move, template, restore into the editor) as one step. */
  replace: (rule: SegmentRule) => void;
}

export function useRuleHistory(form: UseFormReturn<BuilderValues>): RuleHistoryApi {
  const [history, setHistoryState] = useState(() => startHistory(clone(form.getValues('rule'))));
  // The newest history for the callbacks, so they stay the same functions from render to render.
  const latest = useRef(history);
  const setHistory = useCallback((next: History<SegmentRule>) => {
    latest.current = next;
    setHistoryState(next);
  }, []);
  const applying = useRef(false);

  const apply = useCallback(
    (rule: SegmentRule) => {
      applying.current = true;
      try {
        form.reset({ ...form.getValues(), rule: clone(rule) }, { keepDefaultValues: true, keepErrors: true });
      } finally {
        applying.current = false;
      }
    },
    [form],
  );

  useEffect(() => {
    const subscription = form.watch((_values, { name }) => {
      if (applying.current) return;
      if (name !== undefined && name !== 'rule' && !name.startsWith('rule.')) return;
      // Array edits (add, remove, reorder) are steps of their own; edits of one node within a pause merge.
      const key = name === undefined || name.endsWith('children') ? null : name;
      const rule = clone(form.getValues('rule'));
      setHistory(record(latest.current, rule, key, Date.now(), same));
    });
    return () => subscription.unsubscribe();
  }, [form, setHistory]);

  const step = useCallback(
    (move: (h: History<SegmentRule>) => History<SegmentRule>) => {
      const next = move(latest.current);
      if (next === latest.current) return;
      apply(next.present);
      setHistory(next);
    },
    [apply, setHistory],
  );
  const undoStep = useCallback(() => step(undo), [step]);
  const redoStep = useCallback(() => step(redo), [step]);
  const replace = useCallback(
    (rule: SegmentRule) => {
      apply(rule);
      setHistory(record(latest.current, clone(rule), null, Date.now(), same));
    },
    [apply, setHistory],
  );

  return { canUndo: canUndo(history), canRedo: canRedo(history), undo: undoStep, redo: redoStep, replace };
}
