// Reads a text the server filled from a keyed English template back into its key and placeholder values, so the
// web can say it again in the user's language. The most specific template wins ("At least {{n}} point" before
// "At least {{n}}").

export interface MatchedTemplate<K extends string = string> {
  key: K;
  values: Record<string, string>;
}

interface Pattern<K extends string> {
  key: K;
  regex: RegExp;
  names: string[];
  literalLength: number;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile<K extends string>(key: K, template: string): Pattern<K> {
  const parts = template.split(/\{\{(\w+)\}\}/);
  const names = parts.filter((_, i) => i % 2 === 1);
  const source = parts.map((part, i) => (i % 2 === 1 ? '(.+?)' : escapeRegex(part))).join('');
  const literalLength = parts.filter((_, i) => i % 2 === 0).join('').length;
  return { key, regex: new RegExp(`^${source}$`, 's'), names, literalLength };
}

/** A reader for the given templates: the key and values of a text they produce, or null for any other text. */
export function templateMatcher<K extends string>(templates: Readonly<Record<K, string>>): (text: string) => MatchedTemplate<K> | null {
  const patterns = (Object.entries(templates) as [K, string][])
    .map(([key, template]) => compile(key, template))
    .sort((a, b) => b.literalLength - a.literalLength);
  return (text) => {
    for (const p of patterns) {
      const m = p.regex.exec(text);
      if (m) return { key: p.key, values: Object.fromEntries(p.names.map((name, i) => [name, m[i + 1] ?? ''])) };
    }
    return null;
  };
}
