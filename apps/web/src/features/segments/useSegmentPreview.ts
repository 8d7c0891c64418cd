// The live preview: after each edit of a valid rule, one debounced segments.preview request; answers to
// older requests are dropped, the last figure stays while the next loads, and answers are remembered per
// rule so undo and redo show theirs at once.
import type { inferOutput } from '@trpc/tanstack-react-query';
import { useEffect, useMemo, useReducer, useRef } from 'react';
import type { Api } from '../../trpc';
import { useTRPCClient } from '../../trpc';
import type { PreviewAction, PreviewState } from './previewState';
import { AnswerCache, initialPreview, previewReducer } from './previewState';

export type PreviewResult = inferOutput<Api['segments']['preview']>;
export type ValidPreview = Extract<PreviewResult, { valid: true }>;

/** Short enough to stay inside the 150 ms budget, long enough to merge the keystrokes of one number. */
export const PREVIEW_DEBOUNCE_MS = 25;
export const SAMPLE_SIZE = 10;

const reducer = previewReducer<PreviewResult>((r) => (r.valid ? r.count : null));

export function useSegmentPreview(options: {
  /** JSON of the rule being edited. */
  ruleKey: string;
  /** False while the rule is invalid in the browser: nothing is asked. */
  valid: boolean;
  segmentId?: string;
}): PreviewState<PreviewResult> {
  const { ruleKey, valid, segmentId } = options;
  const client = useTRPCClient();
  const [state, dispatch] = useReducer(reducer, undefined, initialPreview<PreviewResult>);
  const seq = useRef(0);
  const cache = useMemo(() => new AnswerCache<PreviewResult>(), []);

  // A new as-of date or new data elsewhere in the app would make remembered answers wrong.
  useEffect(() => cache.clear(), [cache, segmentId]);

  useEffect(() => {
    if (!valid) {
      dispatch({ type: 'invalid', key: ruleKey });
      return;
    }
    const n = ++seq.current;
    const send = (action: PreviewAction<PreviewResult>) => dispatch(action);
    send({ type: 'request', key: ruleKey, seq: n });
    const hit = cache.get(ruleKey);
    if (hit) {
      send({ type: 'resolve', key: ruleKey, seq: n, result: hit });
      return;
    }
    const timer = setTimeout(() => {
      const rule = JSON.parse(ruleKey) as Record<string, unknown>;
      client.segments.preview
        .mutate({ rule, segmentId, sampleSize: SAMPLE_SIZE })
        .then((result) => {
          cache.set(ruleKey, result);
          send({ type: 'resolve', key: ruleKey, seq: n, result });
        })
        .catch((error: unknown) => send({ type: 'reject', seq: n, error }));
    }, PREVIEW_DEBOUNCE_MS);
    // Only the timer is cancelled: a request already sent may finish and is then discarded as stale.
    return () => clearTimeout(timer);
  }, [cache, client, ruleKey, segmentId, valid]);

  return state;
}
