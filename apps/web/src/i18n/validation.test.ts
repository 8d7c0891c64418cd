// Every validation message the shared schemas can produce is recognised and has a Japanese text with the same
// placeholders; messages made by the real schemas come back in Japanese with their values.
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { createCampaignInput, setFrequencyCapInput, validationMessages } from '@kizuna/campaigns';
import { enResources, jaResources } from './resources';
import { knownMessages, matchValidationMessage, translateValidationMessage } from './validation';

const ja = i18next.createInstance();
await ja.init({ lng: 'ja', resources: { ja: { translation: jaResources }, en: { translation: enResources } }, fallbackLng: 'en', interpolation: { escapeValue: false } });
const t = ja.t.bind(ja) as unknown as Parameters<typeof translateValidationMessage>[1];

const valid = {
  name: 'Spring',
  goal: 'win_back',
  channel: 'email',
  startDate: '2025-04-01',
  endDate: null,
  offers: [{ kind: 'none', id: 'main', label: 'Message', costPerRedemption: 0, redemptionRatePercent: 0 }],
  holdoutPercent: 10,
  content: { subject: 'Hi', body: 'Hello {first_name}' },
  marks: { segmentation: true, personalization: true },
};

function messagesOf(input: unknown): string[] {
  const result = createCampaignInput.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe('validation messages', () => {
  it('match every template back to its key, placeholders included', () => {
    for (const [key, template] of Object.entries(knownMessages)) {
      const filled = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => `<${name}>`);
      const match = matchValidationMessage(filled);
      expect(match?.key, filled).toBe(key);
      for (const [name, value] of Object.entries(match?.values ?? {})) expect(value).toBe(`<${name}>`);
    }
  });

  it('prefer the more specific template', () => {
    expect(matchValidationMessage('At least 1 point')?.key).toBe('atLeastPoints');
    expect(matchValidationMessage('At least 1 message a week')?.key).toBe('atLeastMessagesPerWeek');
    expect(matchValidationMessage('At least 0')).toEqual({ key: 'atLeast', values: { n: '0' } });
  });

  it('have a Japanese text for every key', () => {
    for (const key of Object.keys(knownMessages)) expect(jaResources.validation, key).toHaveProperty(key);
    expect(Object.keys(enResources.validation).sort()).toEqual(Object.keys(knownMessages).sort());
  });

  it('turn the schema’s own messages into Japanese with their values', () => {
    const messages = messagesOf({
      ...valid,
      name: ' ',
      endDate: '2025-03-01',
      offers: [valid.offers[0], { ...valid.offers[0], label: 'Again' }],
      content: { subject: '', body: 'Hi {firstname}' },
      marks: { segmentation: true, personalization: false },
    });
    const translated = messages.map((m) => translateValidationMessage(m, t));
    expect(translated).toEqual(
      expect.arrayContaining([
        '名前を入力してください',
        '終了日が開始日より前です',
        'オファー ID「main」が重複しています',
        'メールには件名が必要です',
        expect.stringMatching(/^不明なトークン \{firstname\} です。次のいずれかを使ってください: \{first_name\}, /),
      ]),
    );
    expect(translated.filter((m) => /^[\x20-\x7e–]+$/.test(m))).toEqual([]);
  });

  it('word zod’s defaults for an emptied number box and the cap’s bounds', () => {
    const holdout = messagesOf({ ...valid, holdoutPercent: Number.NaN }).map((m) => translateValidationMessage(m, t));
    expect(holdout).toEqual(['数値を入力してください']);
    const cap = setFrequencyCapInput.safeParse({ frequencyCapPerWeek: 0 });
    expect(cap.success).toBe(false);
    expect(cap.error!.issues.map((i) => translateValidationMessage(i.message, t))).toEqual(['週 1 通以上にしてください']);
  });

  it('leave a text it does not know as it came', () => {
    expect(translateValidationMessage('Something new', t)).toBe('Something new');
  });

  it('cover every English message of the catalog', () => {
    for (const template of Object.values(validationMessages)) expect(matchValidationMessage(template)).not.toBeNull();
  });
});
