import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KPI_DEFINITIONS, kpiDefinition, type KpiId } from './definitions';
import * as metrics from './index';

const docs = readFileSync(new URL('../../../docs/kpis.md', import.meta.url), 'utf8');

describe('KPI definitions', () => {
  it('have unique ids and name exported functions', () => {
    const ids = KPI_DEFINITIONS.map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const k of KPI_DEFINITIONS) {
      expect(typeof (metrics as Record<string, unknown>)[k.fn], k.fn).toBe('function');
    }
  });

  it.each(KPI_DEFINITIONS.map((k) => [k.id, k] as const))('%s is written in docs/kpis.md word for word', (_id, k) => {
    expect(docs).toContain(`### ${k.name} \`${k.id}\``);
    expect(docs).toContain(`- **Formula:** ${k.formula}`);
    expect(docs).toContain(`- **Window:** ${k.window}`);
    expect(docs).toContain(`**Function:** \`${k.fn}\``);
    for (const e of k.edgeCases) expect(docs).toContain(`  - ${e}`);
  });

  it('documents nothing that is not defined', () => {
    const documented = [...docs.matchAll(/^### .* `([a-z_]+)`$/gm)].map((m) => m[1]);
    expect(documented).toEqual(KPI_DEFINITIONS.map((k) => k.id));
  });

  it('looks definitions up by id', () => {
    expect(kpiDefinition('aov').fn).toBe('averageOrderValue');
    expect(() => kpiDefinition('nope' as KpiId)).toThrow(RangeError);
  });
});
