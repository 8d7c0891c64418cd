// Test helpers (imported by *.test.ts only): a real i18next instance with the app's resources, and the
// phrasebook over the registry's built-in fields, so tests read the sentences users will read.
import { createInstance } from 'i18next';
import { createRegistry, describeFields } from '@kizuna/segments';
import { enResources, jaResources } from '../../i18n/resources';
import { makePhrasebook } from './phrasebook';
import type { Phrasebook } from './ruleSentence';

export async function testI18n(lng: 'en' | 'ja') {
  const i18n = createInstance();
  await i18n.init({
    resources: { en: { translation: enResources }, ja: { translation: jaResources } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  return i18n;
}

export const builtInFields = describeFields(createRegistry({ availableColumns: ['predicted_clv', 'p_alive'] }));

export async function testPhrasebook(lng: 'en' | 'ja', segmentNames: Record<string, string> = {}): Promise<Phrasebook> {
  const i18n = await testI18n(lng);
  return makePhrasebook(i18n, {
    locale: lng === 'ja' ? 'ja-JP' : 'en-US',
    currency: 'JPY',
    fields: builtInFields,
    segmentNames: new Map(Object.entries(segmentNames)),
  });
}
