// Builds the Phrasebook that rule sentences read from: the i18next instance, the field registry as the
// server describes it, the workspace currency and the names of saved segments.
import type { i18n as I18n } from 'i18next';
import type { FieldType, FieldUnit } from '@kizuna/segments';
import type { FieldInfo, Phrasebook } from './ruleSentence';

export interface FieldSummary {
  id: string;
  type: FieldType;
  unit: FieldUnit | null;
  descriptionKey: string;
}

const customPrefix = 'custom:';

/** A field's label: its translation, or for a custom attribute the attribute's own key. */
export function labelOfField(i18n: Pick<I18n, 't' | 'exists'>, field: Pick<FieldSummary, 'id' | 'descriptionKey'>): string {
  if (field.id.startsWith(customPrefix)) return field.id.slice(customPrefix.length);
  const key = `${field.descriptionKey}.label`;
  return i18n.exists(key) ? String(i18n.t(key as never)) : field.id;
}

export function helpOfField(i18n: Pick<I18n, 't' | 'exists'>, field: Pick<FieldSummary, 'id' | 'descriptionKey'>): string {
  const key = `${field.descriptionKey}.help`;
  return i18n.exists(key) ? String(i18n.t(key as never)) : '';
}

export function makePhrasebook(
  i18n: Pick<I18n, 't' | 'exists'>,
  options: { locale: string; currency: string; fields: readonly FieldSummary[]; segmentNames: ReadonlyMap<string, string> },
): Phrasebook {
  const infos = new Map<string, FieldInfo>(
    options.fields.map((f) => [f.id, { type: f.type, unit: f.unit, label: labelOfField(i18n, f) }]),
  );
  return {
    t: (key, params) => String(i18n.t(key as never, params as never)),
    has: (key) => i18n.exists(key),
    locale: options.locale,
    currency: options.currency,
    field: (id) => infos.get(id),
    segmentName: (id) => options.segmentNames.get(id) ?? id,
  };
}
