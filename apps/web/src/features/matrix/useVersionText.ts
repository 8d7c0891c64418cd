// A version's change kind and summary in the UI language: the server writes them in English, and the
// sentences it is known to write are read back (readSummary) and worded again; others are shown as written.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { knownChange, readSummary } from './matrixHistory';

export function useVersionText() {
  const { t } = useTranslation();
  const change = useCallback((kind: string) => {
    const known = knownChange(kind);
    return known ? t(`matrix.history.changes.${known}`) : kind;
  }, [t]);
  const summary = useCallback((text: string) => {
    const read = readSummary(text);
    if (!read) return text;
    const { count, ...values } = read.values;
    return t(`matrix.history.summary.${read.key}`, { ...values, ...(count === undefined ? {} : { count: Number(count) }), defaultValue: text });
  }, [t]);
  return { change, summary };
}
