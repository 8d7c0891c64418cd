// The translations are complete and consistent: same keys and placeholders in both languages, and every
// key the code names (including zod messages, which the compiler cannot check) exists.
import { describe, expect, it } from 'vitest';
import { enResources as en, jaResources as ja } from './resources';

type Tree = { [key: string]: string | string[] | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string | string[]> {
  const out = new Map<string, string | string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string' || Array.isArray(value)) out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(pluralSuffix, '');
const placeholders = (text: string | string[]) =>
  [...new Set([...[text].flat().join(' ').matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();

const enKeys = flatten(en as Tree);
const jaKeys = flatten(ja as Tree);

/** Placeholders per key without plural suffix, merged over its plural forms. */
function byBase(keys: Map<string, string | string[]>): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const [key, value] of keys) {
    const set = out.get(base(key)) ?? new Set<string>();
    for (const p of placeholders(value)) if (p) set.add(p);
    out.set(base(key), set);
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

describe('translations', () => {
  it('have the same keys in English and Japanese (plural forms aside)', () => {
    expect([...byBase(jaKeys).keys()].sort()).toEqual([...byBase(enKeys).keys()].sort());
  });

  it('use the same placeholders in both languages', () => {
    const enPlaceholders = byBase(enKeys);
    for (const [key, names] of byBase(jaKeys)) {
      // `count` drives plural choice and need not appear in the text.
      expect({ key, names: names.filter((n) => n !== 'count') }).toEqual({
        key,
        names: (enPlaceholders.get(key) ?? []).filter((n) => n !== 'count'),
      });
    }
  });

  it('have an "other" form for every plural key', () => {
    for (const keys of [enKeys, jaKeys]) {
      const plurals = new Set([...keys.keys()].filter((k) => pluralSuffix.test(k)).map(base));
      for (const key of plurals) expect(keys.has(`${key}_other`), key).toBe(true);
    }
  });

  it('give lists the same length', () => {
    for (const [key, value] of enKeys) {
      if (Array.isArray(value)) expect((jaKeys.get(key) as string[]).length, key).toBe(value.length);
    }
  });

  it('contain no empty strings', () => {
    for (const [key, value] of [...enKeys, ...jaKeys]) expect([value].flat().every((s) => s.trim() !== ''), key).toBe(true);
  });
});

describe('keys named in the code', () => {
  const sources = import.meta.glob(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts'], {
    query: '?raw',
    import: 'default',
    eager: true,
  }) as Record<string, string>;
  // The features' namespaces share their names with tRPC routers ('segments.preview' is a procedure), so their
  // keys are checked where they are translated; the shell's keys wherever they are quoted (zod messages too).
  const featureNamespaces = ['segments', 'overlaps', 'campaigns', 'matrix', 'kpis'];
  const namespaces = Object.keys(en)
    .filter((n) => !featureNamespaces.includes(n))
    .join('|');
  // Quoted strings only: backticks mark code in comments (`data.code`), and templates are compiler-checked.
  const literal = new RegExp(
    `['"]((?:${namespaces})\\.[A-Za-z0-9_.]+)['"]|\\b(?:t|i18nKey=?)\\(?\\s*['"]((?:${featureNamespaces.join('|')})\\.[A-Za-z0-9_.]+)['"]`,
    'g',
  );

  it('finds the source files', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
  });

  it('exist in the English resources', () => {
    const known = new Set([...enKeys.keys()].map(base));
    const missing: string[] = [];
    let checked = 0;
    for (const [file, text] of Object.entries(sources)) {
      for (const match of text.matchAll(literal)) {
        checked += 1;
        const key = match[1] ?? match[2] ?? '';
        // Prefixes completed at run time (`nav.${key}`) are checked by the compiler instead.
        if (!key.endsWith('.') && !known.has(key)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});
