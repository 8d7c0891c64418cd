import { createInstance, type i18n as I18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { enResources, jaResources } from '../../i18n/resources';
import en from './locales/en.json';
import ja from './locales/ja.json';
import { rowErrorMessage, rowErrorText, type Translate } from './rowErrorText';

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Code → sorted placeholders over its plural forms (`count` aside: it only picks the form). */
function placeholders(sentences: Record<string, string>): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const [key, text] of Object.entries(sentences)) {
    const code = key.replace(pluralSuffix, '');
    const names = out.get(code) ?? new Set<string>();
    for (const m of text.matchAll(/\{\{(\w+)\}\}/g)) if (m[1] !== 'count') names.add(m[1]!);
    out.set(code, names);
  }
  return new Map([...out].map(([code, names]) => [code, [...names].sort()]));
}

describe('import problem sentences', () => {
  it('exist in English and Japanese for the same codes, with the same placeholders', () => {
    expect(placeholders(ja.rowErrors)).toEqual(placeholders(en.rowErrors));
  });

  it('have an "other" form wherever they have plural forms', () => {
    for (const sentences of [en.rowErrors, ja.rowErrors] as Record<string, string>[]) {
      const plural = Object.keys(sentences).filter((k) => pluralSuffix.test(k)).map((k) => k.replace(pluralSuffix, ''));
      for (const code of plural) expect(sentences[`${code}_other`], code).toBeDefined();
    }
  });
});

describe('rowErrorMessage', () => {
  it('builds the key and formats numbers for the locale', () => {
    expect(rowErrorMessage({ code: 'duplicate', params: { column: 'order_id', firstLine: 12345 } }, 'en-US')).toEqual({
      key: 'data.rowErrors.duplicate',
      values: { column: 'order_id', firstLine: '12,345' },
    });
    expect(rowErrorMessage({ code: 'date', params: {} }, 'ja-JP')).toEqual({ key: 'data.rowErrors.date', values: {} });
  });

  it('passes the count that picks a plural form as a number', () => {
    expect(rowErrorMessage({ code: 'decimals', params: { currency: 'USD', exponent: 2 } }, 'en-US')).toEqual({
      key: 'data.rowErrors.decimals',
      values: { currency: 'USD', exponent: '2', count: 2 },
    });
  });

  it('is null when the English must be shown: no code, an unknown code, or a missing value', () => {
    expect(rowErrorMessage({}, 'en-US')).toBeNull();
    expect(rowErrorMessage({ code: 'fromTheFuture', params: {} }, 'en-US')).toBeNull();
    expect(rowErrorMessage({ code: 'fieldCount', params: { expected: 8 } }, 'en-US')).toBeNull();
    expect(rowErrorMessage({ code: 'fieldCount' }, 'en-US')).toBeNull();
    expect(rowErrorMessage({ code: 'decimals', params: { currency: 'USD', exponent: 'two' } }, 'en-US')).toBeNull();
  });
});

describe('rowErrorText with i18next', () => {
  let i18n: I18n;
  // The app types t() against its own resources; this test instance has only the keys it adds.
  type LooseT = (key: string, values?: Record<string, unknown>) => string;
  const fixedT = (language: string) => i18n.getFixedT(language) as unknown as LooseT;
  const translateIn = (language: string): Translate => {
    const t = fixedT(language);
    return (key, values) => t(key, values);
  };

  beforeAll(async () => {
    i18n = createInstance();
    await i18n.init({
      resources: { en: { translation: enResources }, ja: { translation: jaResources } },
      lng: 'en',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    });
  });

  it('keeps the shell’s data.* strings beside the Data page’s own', () => {
    expect(fixedT('ja')('data.import.title')).toBe(jaResources.data.import.title);
    expect(fixedT('ja')('data.rowErrors.date')).toBe(jaResources.data.rowErrors.date);
  });

  it('words each error in the current language', () => {
    const error = { code: 'duplicate', params: { column: 'order_id', firstLine: 1234 }, reason: 'duplicate order_id (first seen on line 1234)' };
    expect(rowErrorText(error, translateIn('ja'), 'ja-JP')).toBe('order_id が重複しています（最初は 1,234 行目）');
    expect(rowErrorText(error, translateIn('en'), 'en-US')).toBe('duplicate order_id (first seen on line 1,234)');
    const date = { code: 'date', params: {}, reason: 'not a date: …' };
    expect(rowErrorText(date, translateIn('ja'), 'ja-JP')).toMatch(/^日付ではありません/);
  });

  it('picks the plural form from the currency’s decimal places', () => {
    const decimals = (currency: string, exponent: number) => ({ code: 'decimals', params: { currency, exponent }, reason: 'x' });
    expect(rowErrorText(decimals('JPY', 0), translateIn('en'), 'en-US')).toBe('JPY amounts take no decimal places');
    expect(rowErrorText(decimals('KWD', 1), translateIn('en'), 'en-US')).toBe('more than 1 decimal place for KWD');
    expect(rowErrorText(decimals('USD', 2), translateIn('en'), 'en-US')).toBe('more than 2 decimal places for USD');
    expect(rowErrorText(decimals('JPY', 0), translateIn('ja'), 'ja-JP')).toBe('JPY の金額に小数は使えません');
    expect(rowErrorText(decimals('USD', 2), translateIn('ja'), 'ja-JP')).toBe('USD の金額の小数は 2 桁までです');
  });

  it('shows the server’s English for an unknown code or a report stored before codes existed', () => {
    expect(rowErrorText({ code: 'fromTheFuture', params: {}, reason: 'a newer problem' }, translateIn('ja'), 'ja-JP')).toBe('a newer problem');
    expect(rowErrorText({ reason: 'required value is empty' }, translateIn('ja'), 'ja-JP')).toBe('required value is empty');
  });

  it('shows the English rather than a raw key when the resources lack the sentence', () => {
    const bare = createInstance();
    void bare.init({ resources: {}, lng: 'ja', initAsync: false, showSupportNotice: false });
    const t = bare.getFixedT('ja') as unknown as LooseT;
    expect(rowErrorText({ code: 'date', params: {}, reason: 'not a date' }, (key, values) => t(key, values), 'ja-JP')).toBe('not a date');
  });
});
