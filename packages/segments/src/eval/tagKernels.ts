// Tag-list tests. Small tag dictionaries use the bitmap index (word-wise set algebra); large ones fall
// back to a scan of each customer's tag list.
import type { TagsColumn } from '../data';
import { tagIndex } from './bitmapIndex';
import { Bitset } from './bitset';

type TagMode = 'any' | 'all' | 'none' | 'set' | 'unset';

/**
 * Tag lists: any = at least one of the wanted tags, all = every one, none = a non-empty list without any,
 * set = a non-empty list (unset: empty).
 */
export function tagsBits(col: TagsColumn, size: number, mode: TagMode, wanted: readonly string[]): Bitset {
  const ids = new Set<number>();
  for (const t of wanted) {
    const id = col.dict.indexOf(t);
    if (id >= 0) ids.add(id);
  }
  // A wanted tag absent from the data: "all" can match nobody.
  if (mode === 'all' && ids.size < new Set(wanted).size) return Bitset.empty(size);
  const index = tagIndex(col, size);
  if (!index) return tagListBits(col, size, mode, ids);
  const { perTag, nonEmpty } = index;
  // Index sets are returned as they are when one suffices: results are never mutated.
  const any = (): Bitset => {
    if (ids.size === 1) return perTag[[...ids][0]!]!;
    const out = new Bitset(size);
    for (const id of ids) out.orInPlace(perTag[id]!);
    return out;
  };
  switch (mode) {
    case 'any':
      return any();
    case 'all': {
      const out = nonEmpty.clone();
      for (const id of ids) out.andInPlace(perTag[id]!);
      return out;
    }
    case 'none':
      return nonEmpty.andNot(any());
    case 'set':
      return nonEmpty;
    case 'unset':
      return nonEmpty.not();
  }
}

function tagListBits(col: TagsColumn, size: number, mode: TagMode, ids: ReadonlySet<number>): Bitset {
  const lut = new Uint8Array(col.dict.length);
  for (const id of ids) lut[id] = 1;
  const need = ids.size;
  const { offsets } = col;
  const out = new Bitset(size);
  for (let i = 0; i < size; i++) {
    const s = offsets[i]!;
    const e = offsets[i + 1]!;
    let hits = 0;
    for (let k = s; k < e; k++) hits += lut[col.ids[k]!]!;
    const pass =
      mode === 'any' ? hits > 0 : mode === 'all' ? hits === need : mode === 'none' ? e > s && hits === 0 : mode === 'set' ? e > s : e === s;
    if (pass) out.add(i);
  }
  return out;
}
