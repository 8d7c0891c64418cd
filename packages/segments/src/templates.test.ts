// The templates are valid rules that compile and evaluate, and docs/segment-rules.md shows each of them
// (and only valid JSON rules) — so the documentation cannot drift from the code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEvaluator } from './eval/evaluator';
import { createRegistry } from './registry';
import { compileRule } from './sql/compile';
import { findTemplate, segmentTemplates } from './templates';
import { segmentDataFromDataset } from './testing/buildData';
import { TEST_AS_OF_DAY } from './testing/dataset';
import { fixtureDataset } from './testing/fixture';
import { validateRule } from './validate';

const docs = readFileSync(new URL('../../../docs/segment-rules.md', import.meta.url), 'utf8');
const registry = createRegistry();
const ctx = { asOfDay: TEST_AS_OF_DAY };

/** The ```json blocks of the docs, each with the text of the nearest heading above it. */
function jsonBlocks(): { heading: string; json: unknown }[] {
  const out: { heading: string; json: unknown }[] = [];
  let heading = '';
  const lines = docs.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('#')) heading = line;
    if (line.trim() === '```json') {
      const body: string[] = [];
      while (lines[++i]?.trim() !== '```') body.push(lines[i]!);
      out.push({ heading, json: JSON.parse(body.join('\n')) });
    }
  }
  return out;
}

describe('segment templates', () => {
  it('covers the seed segmentation ideas and the RFM groups with unique ids', () => {
    const ids = segmentTemplates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(segmentTemplates.filter((t) => t.group === 'seed').length).toBeGreaterThanOrEqual(7);
    expect(segmentTemplates.filter((t) => t.group === 'rfm').length).toBeGreaterThanOrEqual(4);
    expect(findTemplate('rfm_champions')?.labelKey).toBe('segments.templates.rfm_champions');
  });

  it.each(segmentTemplates.map((t) => [t.id, t] as const))('%s validates, compiles and evaluates', (_id, t) => {
    expect(validateRule(t.rule, registry, ctx)).toEqual([]);
    expect(compileRule(t.rule, 'postgres', { ...ctx, registry }).params.length).toBeGreaterThan(0);
    const evaluator = createEvaluator(segmentDataFromDataset(fixtureDataset()));
    expect(evaluator.count(t.rule)).toBeGreaterThanOrEqual(0);
  });

  it('finds the expected fixture customers with the seed templates', () => {
    const evaluator = createEvaluator(segmentDataFromDataset(fixtureDataset()));
    const members = (id: string): string[] => evaluator.evaluate(findTemplate(id)!.rule).toIndexes().map((i) => evaluator.data.customerIds[i]!);
    expect(members('bought_last_30_days')).toEqual(['A', 'D']);
    expect(members('no_purchase_90_days')).toEqual([]);
    expect(members('women')).toEqual(['A', 'E']);
    expect(members('rfm_champions')).toEqual(['A']);
    expect(members('favorited_low_stock')).toEqual(['A']);
  });
});

describe('docs/segment-rules.md', () => {
  const blocks = jsonBlocks();

  it('holds only valid rules', () => {
    expect(blocks.length).toBeGreaterThan(segmentTemplates.length);
    for (const { heading, json } of blocks) {
      const rule = (json as { version?: unknown }).version === 1 ? json : { version: 1, kind: 'group', combinator: 'and', children: [json] };
      expect({ heading, errors: validateRule(rule, registry, ctx) }).toEqual({ heading, errors: [] });
    }
  });

  it('shows every template under a heading naming it', () => {
    for (const t of segmentTemplates) {
      const shown = blocks.filter((b) => b.heading.includes(`\`${t.id}\``)).map((b) => b.json);
      expect({ id: t.id, shown: shown.some((j) => JSON.stringify(j) === JSON.stringify(t.rule)) }).toEqual({ id: t.id, shown: true });
    }
  });
});
