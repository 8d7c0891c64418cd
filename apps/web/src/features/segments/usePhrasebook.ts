// The phrasebook for rule sentences in the current language, currency and field registry.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { useWorkspaceSummary } from '../workspace/useWorkspaceSummary';
import type { FieldSummary } from './phrasebook';
import { makePhrasebook } from './phrasebook';
import type { Phrasebook } from './ruleSentence';

export function usePhrasebook(fields: readonly FieldSummary[], segments: readonly { id: string; name: string }[]): Phrasebook {
  const { i18n } = useTranslation();
  const { locale, language } = useLanguage();
  const currency = useWorkspaceSummary().data?.currency ?? 'JPY';
  return useMemo(
    () => makePhrasebook(i18n, { locale, currency, fields, segmentNames: new Map(segments.map((s) => [s.id, s.name])) }),
    // The language is a dependency in its own right: i18n is the same object before and after a switch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [i18n, locale, language, currency, fields, segments],
  );
}
