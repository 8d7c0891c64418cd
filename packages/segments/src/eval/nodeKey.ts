// Structural keys of rule nodes for the evaluator's cache: equal subtrees get equal keys whatever their ids
// or key order, so an edit re-evaluates only the path from the changed node to the root.
import type { RuleNode } from '../schema';

/** JSON with sorted object keys and without node ids. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => k !== 'id' && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A condition's key is its canonical JSON; a group's is a hash over its children's keys. */
export function leafKey(node: Exclude<RuleNode, { kind: 'group' }>): string {
  return canonicalJson(node);
}

export function groupKey(combinator: string, negate: boolean, childKeys: readonly string[]): string {
  return `g:${hash53(`${combinator}|${negate ? 1 : 0}|${childKeys.join('\u0000')}`)}`;
}

/** cyrb53: a fast 53-bit string hash, as hex. */
export function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}
