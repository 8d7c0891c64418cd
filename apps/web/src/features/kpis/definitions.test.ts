// The definition texts the info tips show in the UI language: the English file repeats KPI_DEFINITIONS
// word for word (the API serves the same list), and every definition has a Japanese text too.
import { describe, expect, it } from 'vitest';
import { KPI_DEFINITIONS } from '@kizuna/metrics';
import en from './locales/en.json';
import ja from './locales/ja.json';
import { safeFilename } from './exportChart';

describe('KPI definition texts', () => {
  it('are the definitions of @kizuna/metrics in English', () => {
    for (const d of KPI_DEFINITIONS) {
      expect(en.definitionText[d.id], d.id).toEqual({ name: d.name, formula: d.formula, window: d.window, edgeCases: d.edgeCases });
    }
    expect(Object.keys(en.definitionText).sort()).toEqual(KPI_DEFINITIONS.map((d) => d.id).sort());
  });

  it('exist in Japanese for every definition, with as many edge cases', () => {
    for (const d of KPI_DEFINITIONS) {
      const text = ja.definitionText[d.id];
      expect(text.edgeCases, d.id).toHaveLength(d.edgeCases.length);
      expect(text.formula).not.toBe(d.formula);
    }
  });
});

describe('safeFilename', () => {
  it('keeps letters, including Japanese, and drops what file systems refuse', () => {
    expect(safeFilename('Revenue by segment: "VIP"/Gold')).toBe('Revenue-by-segment-VIP-Gold');
    expect(safeFilename('コホート継続率')).toBe('コホート継続率');
    expect(safeFilename(' / ')).toBe('chart');
  });
});
