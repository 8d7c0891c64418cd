// A fixed-size set of customer indexes as 32-bit words. Results held in the evaluator's cache are never
// mutated: the combining methods return new sets; the *InPlace ones are for sets a caller just built.
export class Bitset {
  readonly size: number;
  readonly words: Uint32Array;
  /** Memoized count; every mutating method resets it. */
  private counted = -1;

  constructor(size: number, words?: Uint32Array) {
    this.size = size;
    const n = (size + 31) >>> 5;
    if (words && words.length !== n) throw new Error(`Bitset of ${size} needs ${n} words, got ${words.length}`);
    this.words = words ?? new Uint32Array(n);
  }

  static empty(size: number): Bitset {
    return new Bitset(size);
  }

  static full(size: number): Bitset {
    const b = new Bitset(size);
    b.words.fill(0xffffffff);
    b.maskTail();
    return b;
  }

  static fromIndexes(size: number, indexes: Iterable<number>): Bitset {
    const b = new Bitset(size);
    for (const i of indexes) b.add(i);
    return b;
  }

  add(i: number): void {
    this.words[i >>> 5]! |= 1 << (i & 31);
    this.counted = -1;
  }

  has(i: number): boolean {
    return i >= 0 && i < this.size && (this.words[i >>> 5]! & (1 << (i & 31))) !== 0;
  }

  count(): number {
    if (this.counted >= 0) return this.counted;
    const w = this.words;
    let n = 0;
    for (let k = 0; k < w.length; k++) n += popcount32(w[k]!);
    this.counted = n;
    return n;
  }

  clone(): Bitset {
    return new Bitset(this.size, this.words.slice());
  }

  and(other: Bitset): Bitset {
    return this.clone().andInPlace(other);
  }

  or(other: Bitset): Bitset {
    return this.clone().orInPlace(other);
  }

  andNot(other: Bitset): Bitset {
    return this.clone().andNotInPlace(other);
  }

  not(): Bitset {
    const out = new Bitset(this.size);
    const a = this.words;
    const o = out.words;
    for (let k = 0; k < a.length; k++) o[k] = ~a[k]!;
    out.maskTail();
    return out;
  }

  andInPlace(other: Bitset): this {
    this.check(other);
    this.counted = -1;
    const a = this.words;
    const b = other.words;
    for (let k = 0; k < a.length; k++) a[k]! &= b[k]!;
    return this;
  }

  orInPlace(other: Bitset): this {
    this.check(other);
    this.counted = -1;
    const a = this.words;
    const b = other.words;
    for (let k = 0; k < a.length; k++) a[k]! |= b[k]!;
    return this;
  }

  andNotInPlace(other: Bitset): this {
    this.check(other);
    this.counted = -1;
    const a = this.words;
    const b = other.words;
    for (let k = 0; k < a.length; k++) a[k]! &= ~b[k]!;
    return this;
  }

  /** |this ∩ other| without building the intersection. */
  andCount(other: Bitset): number {
    this.check(other);
    const a = this.words;
    const b = other.words;
    let n = 0;
    for (let k = 0; k < a.length; k++) n += popcount32(a[k]! & b[k]!);
    return n;
  }

  equals(other: Bitset): boolean {
    if (other.size !== this.size) return false;
    for (let k = 0; k < this.words.length; k++) if (this.words[k] !== other.words[k]) return false;
    return true;
  }

  /** Member indexes in increasing order, at most `limit` of them. */
  toIndexes(limit = Infinity): number[] {
    const out: number[] = [];
    const w = this.words;
    for (let k = 0; k < w.length && out.length < limit; k++) {
      let word = w[k]!;
      while (word !== 0 && out.length < limit) {
        const low = word & -word;
        out.push((k << 5) + 31 - Math.clz32(low));
        word ^= low;
      }
    }
    return out;
  }

  /**
   * Up to `k` members spread evenly over the set (the j-th pick is the member of rank ⌊j·count/k⌋): the same
   * set always gives the same sample, and a customer keeps its place while edits leave it in the set.
   */
  sampleEvenly(k: number): number[] {
    const total = this.count();
    const n = Math.min(k, total);
    const out: number[] = [];
    if (n === 0) return out;
    const w = this.words;
    let rank = 0;
    let j = 0;
    let target = 0;
    for (let word = 0; word < w.length && j < n; word++) {
      const bits = w[word]!;
      const c = popcount32(bits);
      // Whole words are skipped until the next wanted rank falls inside one.
      while (j < n && target < rank + c) {
        let b = bits;
        for (let skip = target - rank; skip > 0; skip--) b &= b - 1;
        out.push((word << 5) + 31 - Math.clz32(b & -b));
        j++;
        target = Math.floor((j * total) / n);
      }
      rank += c;
    }
    return out;
  }

  private maskTail(): void {
    this.counted = -1;
    const r = this.size & 31;
    if (r !== 0 && this.words.length > 0) this.words[this.words.length - 1]! &= (1 << r) - 1;
  }

  private check(other: Bitset): void {
    if (other.size !== this.size) throw new Error(`Bitset sizes differ: ${this.size} vs ${other.size}`);
  }
}

/**
 * Counts of the running combination of `sets` (AND or OR) after each one, in one pass without building
 * the intermediate sets: [|a|, |a∘b|, |a∘b∘c|, …].
 */
export function runningCounts(sets: readonly Bitset[], combinator: 'and' | 'or'): number[] {
  const k = sets.length;
  const counts = new Array<number>(k).fill(0);
  if (k === 0) return counts;
  const words = sets.map((s) => s.words);
  const n = words[0]!.length;
  const tally = new Float64Array(k);
  const and = combinator === 'and';
  for (let w = 0; w < n; w++) {
    let acc = words[0]![w]!;
    tally[0]! += popcount32(acc);
    for (let s = 1; s < k; s++) {
      const x = words[s]![w]!;
      acc = and ? acc & x : acc | x;
      tally[s]! += popcount32(acc);
    }
  }
  for (let s = 0; s < k; s++) counts[s] = tally[s]!;
  return counts;
}

export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
