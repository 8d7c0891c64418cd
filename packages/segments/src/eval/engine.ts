// The caching walker behind createEvaluator: every node's bitset is kept under its structural key (LRU),
// so re-evaluating an edited rule recomputes only the changed conditions and the groups above them.
import type { SegmentData } from '../data';
import { assertNever } from '../errors';
import { lowerBehaviour, lowerFieldCondition, type LoweredBehaviour } from '../lower';
import type { FieldRegistry } from '../registry';
import { channels, type Channel, type RuleNode, type SegmentRule } from '../schema';
import type { SegmentResolver } from '../validate';
import { behaviourBits, filterMask } from './behaviourEval';
import type { Bitset } from './bitset';
import { fieldConditionBits } from './fieldEval';
import { codeIndex, flagIndex, tagIndex } from './bitmapIndex';
import { canonicalJson, groupKey, leafKey } from './nodeKey';

export interface CacheStats {
  entries: number;
  hits: number;
  misses: number;
}

export class EvalEngine {
  private readonly cache = new Map<string, Bitset>();
  private readonly masks = new Map<string, Uint8Array | null>();
  private readonly channelBits = new Map<Channel, Bitset>();
  private anyChannelBits: Bitset | null = null;
  private hits = 0;
  private misses = 0;

  constructor(
    readonly data: SegmentData,
    readonly registry: FieldRegistry,
    readonly resolveSegment: SegmentResolver | undefined,
    private readonly maxEntries: number,
  ) {}

  /** The node's structural key (memoized per call in `keys`). */
  keyOf(node: RuleNode, keys: Map<RuleNode, string>): string {
    let key = keys.get(node);
    if (key !== undefined) return key;
    switch (node.kind) {
      case 'group':
        key = groupKey(node.combinator, node.negate ?? false, node.children.map((c) => this.keyOf(c, keys)));
        break;
      case 'segment':
        // The referenced rule's content, not its id: an edit to the saved segment changes the key.
        key = `seg:${node.op}:${this.keyOf(this.resolved(node.segmentId), keys)}`;
        break;
      case 'attribute':
      case 'computed':
      case 'behaviour':
      case 'reachability':
        key = leafKey(node);
        break;
      default:
        return assertNever(node);
    }
    keys.set(node, key);
    return key;
  }

  /** The members of a (validated) node. The returned set is shared (cache, bitmap indexes): never mutate it. */
  bitsOf(node: RuleNode, keys: Map<RuleNode, string>): Bitset {
    const key = this.keyOf(node, keys);
    const hit = this.cache.get(key);
    if (hit) {
      this.hits++;
      // Map order is insertion order: re-inserting marks the entry as recently used.
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    this.misses++;
    const bits = this.compute(node, keys);
    this.cache.set(key, bits);
    if (this.cache.size > this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return bits;
  }

  channel(channel: Channel): Bitset {
    let bits = this.channelBits.get(channel);
    if (!bits) {
      bits = this.compute({ kind: 'reachability', channel }, new Map());
      this.channelBits.set(channel, bits);
    }
    return bits;
  }

  /** Customers reachable on at least one channel. */
  anyChannel(): Bitset {
    if (!this.anyChannelBits) {
      const any = this.channel(channels[0]).clone();
      for (const c of channels) any.orInPlace(this.channel(c));
      this.anyChannelBits = any;
    }
    return this.anyChannelBits;
  }

  /** Builds the bitmap indexes of every indexable field now rather than on first use. */
  warmIndexes(): void {
    const n = this.data.size;
    for (const f of this.registry.fields) {
      const s = f.storage;
      const col = s.kind === 'custom' ? this.data.customAttributes.get(s.key) : this.data.columns.get(s.column);
      if (col?.kind === 'string') codeIndex(col, n);
      else if (col?.kind === 'tags') tagIndex(col, n);
      else if (col?.kind === 'flag') flagIndex(col.values, n);
    }
    this.anyChannel();
  }

  resolved(segmentId: string): SegmentRule {
    const rule = this.resolveSegment?.(segmentId);
    if (!rule) throw new Error(`Validated segment ${segmentId} did not resolve`);
    return rule;
  }

  /** The per-row filter mask of a behaviour condition, cached by its filters. */
  mask(b: LoweredBehaviour): Uint8Array | null {
    if (Object.keys(b.filters).length === 0) return null;
    const key = `${b.source}|${b.eventType ?? ''}|${canonicalJson(b.filters)}`;
    if (this.masks.has(key)) return this.masks.get(key) ?? null;
    const mask = filterMask(this.data, b);
    this.masks.set(key, mask);
    if (this.masks.size > 16) this.masks.delete(this.masks.keys().next().value!);
    return mask;
  }

  stats(): CacheStats {
    return { entries: this.cache.size, hits: this.hits, misses: this.misses };
  }

  clear(): void {
    this.cache.clear();
    this.masks.clear();
  }

  private compute(node: RuleNode, keys: Map<RuleNode, string>): Bitset {
    const n = this.data.size;
    switch (node.kind) {
      case 'group': {
        const first = node.children[0];
        if (!first) throw new Error('Validated group has no children');
        const acc = this.bitsOf(first, keys).clone();
        for (let c = 1; c < node.children.length; c++) {
          const bits = this.bitsOf(node.children[c]!, keys);
          if (node.combinator === 'and') acc.andInPlace(bits);
          else acc.orInPlace(bits);
        }
        return node.negate ? acc.not() : acc;
      }
      case 'attribute':
      case 'computed': {
        const field = this.registry.get(node.field);
        const lowered = field ? lowerFieldCondition(field, node.op, node.value, this.data.asOfDay) : null;
        if (!field || !lowered?.ok) throw new Error(`Validated condition on ${node.field} did not lower`);
        return fieldConditionBits(this.data, field.storage, lowered.test);
      }
      case 'behaviour': {
        const lowered = lowerBehaviour(node, this.data.asOfDay);
        if (!lowered.ok) throw new Error('Validated behaviour condition did not lower');
        return behaviourBits(this.data, lowered.test, this.mask(lowered.test));
      }
      case 'segment': {
        const inner = this.bitsOf(this.resolved(node.segmentId), keys);
        return node.op === 'in' ? inner : inner.not();
      }
      case 'reachability':
        return reachabilityBits(this.data, node.channel, n);
      default:
        return assertNever(node);
    }
  }
}

function reachabilityBits(data: SegmentData, channel: Channel, n: number): Bitset {
  const flag = (column: string): Bitset => {
    const col = data.columns.get(column);
    if (!col || col.kind !== 'flag') throw new Error(`SegmentData has no flag column "${column}"`);
    return flagIndex(col.values, n);
  };
  switch (channel) {
    case 'email':
      return flag('has_email').and(flag('email_opt_in'));
    case 'sms':
    case 'push':
    case 'line':
      return flag(`${channel}_opt_in`);
    default:
      return assertNever(channel);
  }
}
