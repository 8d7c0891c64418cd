import { describe, expect, it } from 'vitest';
import { campaignTemplates } from '@kizuna/campaigns';
import { isTemplateId, templateIds } from './gallery';
import en from './locales/en.json';
import ja from './locales/ja.json';

describe('templateIds', () => {
  it('names every template of the seed table, in the gallery’s order', () => {
    expect([...templateIds]).toEqual(campaignTemplates().map((t) => t.id));
    expect(templateIds).toHaveLength(11);
  });
  it('has an English and a Japanese name and description for each', () => {
    for (const id of templateIds) {
      expect(en.ideas[id]).toBeTruthy();
      expect(ja.ideas[id]).toBeTruthy();
      expect(en.ideaDescriptions[id]).toBeTruthy();
      expect(ja.ideaDescriptions[id]).toBeTruthy();
    }
  });
  it('recognises only known ids', () => {
    expect(isTemplateId('birthday')).toBe(true);
    expect(isTemplateId('nope')).toBe(false);
  });
});
