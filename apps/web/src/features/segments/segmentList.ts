// The segment list's search and sort, and the sparkline of a segment's size history.
export interface ListRow {
  id: string;
  name: string;
  description: string;
  tags: readonly string[];
  size: number | null;
  share: number | null;
  lastChange: { at: string };
  usedBy: { segments: readonly unknown[]; campaigns: readonly unknown[] };
}

export const sortKeys = ['name', 'size', 'share', 'lastChange', 'usedBy'] as const;
export type SortKey = (typeof sortKeys)[number];
export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

/** Case- and width-insensitive text for matching (ｖｉｐ matches VIP, カ matches ｶ). */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase();
}

/** Rows whose name, description or a tag contains every word of the query. */
export function searchRows<T extends ListRow>(rows: readonly T[], query: string): T[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const haystack = foldText([row.name, row.description, ...row.tags].join('\n'));
    return words.every((w) => haystack.includes(w));
  });
}

const usage = (row: ListRow) => row.usedBy.segments.length + row.usedBy.campaigns.length;

function compare(a: ListRow, b: ListRow, key: SortKey, collator: Intl.Collator): number {
  switch (key) {
    case 'name':
      return collator.compare(a.name, b.name);
    case 'size':
    case 'share':
      // Segments without a size (invalid rule) sort after every number in both directions' natural order.
      return (a[key] ?? -1) - (b[key] ?? -1);
    case 'lastChange':
      return a.lastChange.at < b.lastChange.at ? -1 : a.lastChange.at > b.lastChange.at ? 1 : 0;
    case 'usedBy':
      return usage(a) - usage(b);
  }
}

export function sortRows<T extends ListRow>(rows: readonly T[], sort: SortState, locale: string): T[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a, b, sort.key, collator) || collator.compare(a.name, b.name));
}

/** Clicking a column: a new column starts in its natural direction (numbers and dates largest first). */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'name' ? 'ascending' : 'descending' };
}

/** SVG polyline points for sizes over time, in a width × height box (y grows downwards); null below 2 points. */
export function sparklinePoints(sizes: readonly number[], width: number, height: number, pad = 2): string | null {
  if (sizes.length < 2) return null;
  const min = Math.min(...sizes);
  const max = Math.max(...sizes);
  const span = max - min;
  const step = (width - 2 * pad) / (sizes.length - 1);
  return sizes
    .map((v, i) => {
      const x = pad + i * step;
      // A flat series sits in the middle rather than on an edge.
      const y = span === 0 ? height / 2 : pad + (1 - (v - min) / span) * (height - 2 * pad);
      return `${round(x)},${round(y)}`;
    })
    .join(' ');
}

const round = (n: number) => Math.round(n * 10) / 10;
