// Wires the builder together: the rule in the form, its problems (browser and server), the live preview
// and its per-node counts, focus requests, and the context every node reads.
import type { SegmentRule } from '@kizuna/segments';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useWatch } from 'react-hook-form';
import { apiFieldErrors } from '../../ui/apiError';
import type { BuilderApi, LiveFigures, NodeCountView, PickerRequest, SegmentOption } from './builderContext';
import { clientRegistry } from './fieldCatalog';
import type { BuilderValues } from './formValues';
import { isCurrent } from './previewState';
import type { PathIssue } from './ruleIssues';
import { browserIssues, issuesByPath } from './ruleIssues';
import type { RuleHistoryApi } from './useRuleHistory';
import { usePhrasebook } from './usePhrasebook';
import type { BuilderFields } from './useSegments';
import { useSegmentPreview } from './useSegmentPreview';

/** `rule.children.2.children.0` from a server field error back to a node path. */
function pathOfField(field: string): (string | number)[] | null {
  if (field !== 'rule' && !field.startsWith('rule.')) return null;
  return field
    .split('.')
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function useBuilderApi(options: {
  form: UseFormReturn<BuilderValues>;
  history: RuleHistoryApi;
  fields: BuilderFields;
  segments: readonly SegmentOption[];
  segmentId?: string;
  readOnly: boolean;
  saveError: unknown;
}) {
  const { form, history, fields, segments, segmentId, readOnly, saveError } = options;
  const rule = useWatch({ control: form.control, name: 'rule' });
  const ruleKey = JSON.stringify(rule);
  const registry = useMemo(() => clientRegistry(fields.fields, fields.eventTypes.map((e) => e.value)), [fields]);
  const known = useMemo(() => new Set(segments.map((s) => s.id)), [segments]);
  const local = useMemo(
    () => browserIssues(JSON.parse(ruleKey) as unknown, registry, { asOfDate: fields.asOfDate, knownSegmentIds: known, segmentId }),
    [ruleKey, registry, fields.asOfDate, known, segmentId],
  );
  const preview = useSegmentPreview({ ruleKey, valid: local.length === 0, segmentId });
  const current = isCurrent(preview);
  const shown = preview.shown?.result;

  const issues = useMemo(() => {
    const all: PathIssue[] = [...local];
    // The server's findings (deeper reference cycles, a rule refused on save) for this very rule.
    if (current && shown && !shown.valid) all.push(...shown.errors.map((e) => ({ code: e.code, message: e.message, path: e.path })));
    for (const [field, messages] of Object.entries(apiFieldErrors(saveError))) {
      const path = pathOfField(field);
      if (path) for (const message of messages) all.push({ code: 'server', message, path });
    }
    return { list: all, byPath: issuesByPath(all) };
  }, [local, current, shown, saveError]);

  const counts = useMemo(() => {
    const map = new Map<string, NodeCountView>();
    if (shown?.valid) for (const n of shown.nodes) if (n.id !== undefined) map.set(n.id, { count: n.count, cumulative: n.cumulative });
    return map;
  }, [shown]);

  const focusWanted = useRef(new Set<string>());
  const requestFocus = useCallback((id: string) => void focusWanted.current.add(id), []);
  const takeFocus = useCallback((id: string) => focusWanted.current.delete(id), []);
  const [picker, setPicker] = useState<PickerRequest | null>(null);
  const book = usePhrasebook(fields.fields, segments);
  const getRule = useCallback(() => structuredClone(form.getValues('rule')) as SegmentRule, [form]);
  const { replace } = history;

  // Stable between edits, so the tree re-renders only where a value changed (and badges on new figures).
  const api = useMemo<BuilderApi>(
    () => ({
      fields,
      fieldById: new Map(fields.fields.map((f) => [f.id, f])),
      book,
      segments,
      readOnly,
      getRule,
      replaceRule: (next, focusId) => {
        if (focusId) requestFocus(focusId);
        replace(next);
      },
      requestFocus,
      takeFocus,
      openPicker: setPicker,
    }),
    [fields, book, segments, readOnly, getRule, replace, requestFocus, takeFocus],
  );
  const figures = useMemo<LiveFigures>(() => ({ counts, current, issues: issues.byPath }), [counts, current, issues.byPath]);
  const closePicker = useCallback(() => setPicker(null), []);

  return { api, figures, preview, issueCount: issues.list.length, empty: rule.children.length === 0, picker, closePicker };
}
