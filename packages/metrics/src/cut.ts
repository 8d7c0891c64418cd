// A cut restricts a KPI to some customers (a segment, a campaign's holdout or treatment group): a byte mask
// over customer indexes, 1 = included. Omitting the cut means every customer.
import type { CustomerColumns } from './data';

export type Cut = Uint8Array;

export function cutFromIndexes(count: number, indexes: Iterable<number>): Cut {
  const cut = new Uint8Array(count);
  for (const i of indexes) {
    if (!Number.isInteger(i) || i < 0 || i >= count) throw new RangeError(`customer index ${i} is outside 0..${count - 1}`);
    cut[i] = 1;
  }
  return cut;
}

export function cutFromPredicate(count: number, include: (index: number) => boolean): Cut {
  const cut = new Uint8Array(count);
  for (let i = 0; i < count; i++) if (include(i)) cut[i] = 1;
  return cut;
}

/** Everyone not in the cut (e.g. the rest of the base next to a segment). */
export function complementCut(cut: Cut): Cut {
  return cut.map((v) => (v ? 0 : 1));
}

export function intersectCuts(a: Cut, b: Cut): Cut {
  if (a.length !== b.length) throw new RangeError('cuts cover different customer counts');
  return a.map((v, i) => (v && b[i] ? 1 : 0));
}

export function cutSize(cut: Cut): number {
  let n = 0;
  for (const v of cut) if (v) n++;
  return n;
}

/** Throws unless the cut (when given) has one entry per customer. */
export function assertCut(cut: Cut | undefined, customers: CustomerColumns): void {
  if (cut && cut.length !== customers.count) {
    throw new RangeError(`cut covers ${cut.length} customers; the data has ${customers.count}`);
  }
}
