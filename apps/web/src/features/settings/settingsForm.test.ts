import { describe, expect, it } from 'vitest';
import type { SettingsView } from './settingsForm';
import { choicesWith, settingsFormInput, toSettingsForm, toSettingsPatch } from './settingsForm';

const current: SettingsView = {
  asOfDate: null,
  currency: 'JPY',
  timeZone: 'Asia/Tokyo',
  smallSegmentThreshold: 100,
  frequencyCapPerWeek: 3,
};

const messages = (value: unknown) => {
  const result = settingsFormInput.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('settingsFormInput', () => {
  it('accepts the form made from valid settings', () => {
    expect(messages(toSettingsForm(current))).toEqual([]);
    expect(messages(toSettingsForm({ ...current, asOfDate: '2026-11-01' }))).toEqual([]);
  });

  it('needs a real date only when the as-of date is chosen', () => {
    const form = toSettingsForm(current);
    expect(messages({ ...form, asOfMode: 'automatic', asOfDate: '' })).toEqual([]);
    expect(messages({ ...form, asOfMode: 'automatic', asOfDate: undefined })).toEqual([]);
    expect(messages({ ...form, asOfMode: 'fixed', asOfDate: undefined })).toEqual(['asOfDate: settings.errors.asOfDate']);
    expect(messages({ ...form, asOfMode: 'fixed', asOfDate: '' })).toEqual(['asOfDate: settings.errors.asOfDate']);
    expect(messages({ ...form, asOfMode: 'fixed', asOfDate: '2026-02-30' })).toEqual(['asOfDate: settings.errors.asOfDate']);
  });

  it('checks the currency code and the number ranges with translation keys', () => {
    const form = toSettingsForm(current);
    expect(messages({ ...form, currency: 'yen' })).toEqual(['currency: settings.errors.currency']);
    expect(messages({ ...form, smallSegmentThreshold: -1 })).toEqual(['smallSegmentThreshold: settings.errors.threshold']);
    expect(messages({ ...form, smallSegmentThreshold: Number.NaN })).toEqual([
      'smallSegmentThreshold: settings.errors.wholeNumber',
    ]);
    expect(messages({ ...form, frequencyCapPerWeek: 0 })).toEqual(['frequencyCapPerWeek: settings.errors.frequencyCap']);
    expect(messages({ ...form, frequencyCapPerWeek: 2.5 })).toEqual(['frequencyCapPerWeek: settings.errors.wholeNumber']);
  });
});

describe('toSettingsPatch', () => {
  it('is empty when nothing changed', () => {
    expect(toSettingsPatch(toSettingsForm(current), current)).toEqual({});
  });

  it('sends a chosen as-of date, and null to go back to automatic', () => {
    const fixed = { ...toSettingsForm(current), asOfMode: 'fixed' as const, asOfDate: '2026-10-01' };
    expect(toSettingsPatch(fixed, current)).toEqual({ asOfDate: '2026-10-01' });
    const wasFixed = { ...current, asOfDate: '2026-10-01' };
    const automatic = { ...toSettingsForm(wasFixed), asOfMode: 'automatic' as const };
    expect(toSettingsPatch(automatic, wasFixed)).toEqual({ asOfDate: null });
  });

  it('sends only the changed fields', () => {
    const form = { ...toSettingsForm(current), currency: 'USD', frequencyCapPerWeek: 5 };
    expect(toSettingsPatch(form, current)).toEqual({ currency: 'USD', frequencyCapPerWeek: 5 });
  });
});

describe('choicesWith', () => {
  it('keeps the current value selectable', () => {
    expect(choicesWith(['EUR', 'JPY'], 'JPY')).toEqual(['EUR', 'JPY']);
    expect(choicesWith(['EUR', 'JPY'], 'XTS')).toEqual(['XTS', 'EUR', 'JPY']);
  });
});
