import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { enResources, jaResources } from '../../i18n/resources';
import { translateValidationMessage } from '../../i18n/validation';
import { assignedSegments, formMessage, offerUsage, parseOfferInUse, serverFieldErrors, type MatrixAssignments } from './campaignEdit';

const view: MatrixAssignments = {
  segments: [
    { id: 's1', name: 'Loyal' },
    { id: 's2', name: 'Lapsed' },
    { id: 's3', name: 'Tokyo' },
  ],
  campaigns: [
    { id: 'c1', segmentOrder: ['s3', 's1'] },
    { id: 'c2', segmentOrder: ['s2'] },
  ],
  cells: [
    { campaignId: 'c1', segmentId: 's1', offerId: 'ten' },
    { campaignId: 'c2', segmentId: 's2', offerId: 'main' },
    { campaignId: 'c1', segmentId: 's3', offerId: 'ten' },
  ],
};

describe('assignedSegments', () => {
  it('lists the campaign’s cells in its segment priority order, with names and offers', () => {
    expect(assignedSegments(view, 'c1')).toEqual([
      { id: 's3', name: 'Tokyo', offerId: 'ten' },
      { id: 's1', name: 'Loyal', offerId: 'ten' },
    ]);
    expect(assignedSegments(view, 'c2').map((s) => s.id)).toEqual(['s2']);
  });
  it('is empty for an unassigned campaign or before the matrix has loaded', () => {
    expect(assignedSegments(view, 'c9')).toEqual([]);
    expect(assignedSegments(undefined, 'c1')).toEqual([]);
  });
  it('keeps a cell the order misses, after the ordered ones, named by id when the segment is unknown', () => {
    const odd = { ...view, cells: [...view.cells, { campaignId: 'c1', segmentId: 'gone', offerId: 'b' }] };
    expect(assignedSegments(odd, 'c1').map((s) => s.name)).toEqual(['Tokyo', 'Loyal', 'gone']);
  });
});

describe('offerUsage', () => {
  it('groups the assigned segments by the offer variant their cell gives', () => {
    const usage = offerUsage(assignedSegments(view, 'c1'));
    expect([...usage]).toEqual([['ten', ['Tokyo', 'Loyal']]]);
    expect(usage.get('main')).toBeUndefined();
  });
});

describe('parseOfferInUse', () => {
  it('reads the offer ids and cell count of the server’s refusal', () => {
    expect(parseOfferInUse('Offer "main" is assigned to 1 segment(s) in the matrix: reassign them first')).toEqual({ offerIds: ['main'], cells: 1 });
    expect(parseOfferInUse('Offer "a", "b-2" is assigned to 3 segment(s) in the matrix: reassign them first')).toEqual({ offerIds: ['a', 'b-2'], cells: 3 });
  });
  it('ignores every other message', () => {
    expect(parseOfferInUse('Enter a name')).toBeNull();
    expect(parseOfferInUse('Offer main is assigned to 1 segment(s) in the matrix: reassign them first')).toBeNull();
  });
});

describe('serverFieldErrors', () => {
  it('puts an array’s message at its root and keeps the first non-empty message per field', () => {
    expect(serverFieldErrors({ offers: ['In use', 'Other'], name: ['', 'Taken'], content: [] })).toEqual([
      { path: 'offers.root', message: 'In use' },
      { path: 'name', message: 'Taken' },
    ]);
  });
});

const instance = i18next.createInstance();
await instance.init({ lng: 'en', resources: { en: { translation: enResources }, ja: { translation: jaResources } }, fallbackLng: 'en', interpolation: { escapeValue: false } });

describe('formMessage', () => {
  const inLanguage = async (lng: 'en' | 'ja') => {
    await instance.changeLanguage(lng);
    const t = instance.t.bind(instance) as unknown as Parameters<typeof translateValidationMessage>[1];
    return (message: string) => formMessage(message, t, (m) => translateValidationMessage(m, t), lng === 'ja' ? 'ja-JP' : 'en-US');
  };
  const refusal = (ids: string, n: number) => `Offer ${ids} is assigned to ${n} segment(s) in the matrix: reassign them first`;

  it('says the offer refusal in English, singular and plural', async () => {
    const say = await inLanguage('en');
    expect(say(refusal('"main"', 1))).toBe('Offer “main” is still assigned to 1 segment in the matrix. Give that cell another offer in the matrix first, or keep this variant.');
    expect(say(refusal('"a", "b"', 3))).toMatch(/^Offer “a” and “b” is still assigned to 3 segments in the matrix\. Give those cells/);
  });
  it('says it in Japanese, and passes schema messages through the validation table', async () => {
    const say = await inLanguage('ja');
    expect(say(refusal('"main"', 2))).toContain('オファー “main” はマトリクスで 2 件のセグメントに割り当てられています');
    expect(say('Enter a name')).toBe('名前を入力してください');
    expect(say('Something the tables do not know')).toBe('Something the tables do not know');
  });
});
