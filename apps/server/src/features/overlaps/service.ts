// Overlaps of 2–12 saved segments and/or unsaved rules, from their in-memory member sets: sizes, pairwise
// counts with shares and Jaccard, every non-empty exclusive region (UpSet bars, Venn areas) with the rule
// that selects it, union and none. A region's rule can be saved as a new segment as it is.
import { listSavedSegments, type KizunaDb } from '@kizuna/db';
import { overlaps, type Bitset, type GroupNode, type OverlapPair, type RuleNode, type SegmentRule } from '@kizuna/segments';
import { NotFoundError, ValidationError } from '../../errors';
import { evaluateOrThrow, getSegmentEngine } from '../segments/engine';
import { nodeField } from '../segments/ruleErrors';
import type { OverlapsInput } from '../segments/schema';

export interface OverlapSet {
  index: number;
  label: string;
  /** The saved segment, or null for an unsaved rule. */
  segmentId: string | null;
  size: number;
}

export interface OverlapRegionWithRule {
  /** Bit i set = in set i; members are in exactly these sets. */
  mask: number;
  sets: number[];
  count: number;
  /** Selects exactly this region: saved segments by reference, unsaved rules inlined. */
  rule: SegmentRule;
}

export interface OverlapsResult {
  asOfDate: string;
  total: number;
  sets: OverlapSet[];
  pairs: OverlapPair[];
  /** Non-empty regions, largest first. */
  regions: OverlapRegionWithRule[];
  union: number;
  none: number;
  /** Selects the customers in none of the sets. */
  noneRule: SegmentRule;
}

/** One compared set, as a rule node: a reference to a saved segment or an unsaved rule's root group. */
type Source = { segmentId: string } | { rule: SegmentRule };

export async function computeOverlaps(db: KizunaDb, input: OverlapsInput): Promise<OverlapsResult> {
  const engine = await getSegmentEngine(db);
  const rules = await engine.savedRules();
  const names = new Map(input.segmentIds.length === 0 ? [] : (await listSavedSegments(db)).map((s) => [s.id, s.name]));
  const sources: Source[] = [];
  const sets: OverlapSet[] = [];
  const bits: Bitset[] = [];
  for (const id of input.segmentIds) {
    const rule = rules.get(id);
    if (!rule) throw new NotFoundError(`No segment with id ${id}`);
    bits.push(evaluateOrThrow(engine.evaluator, rule, id));
    sources.push({ segmentId: id });
    sets.push({ index: sets.length, label: names.get(id) ?? id, segmentId: id, size: 0 });
  }
  const fieldErrors: Record<string, string[]> = {};
  input.rules.forEach((r, i) => {
    for (const e of engine.check(r.rule)) (fieldErrors[nodeField(e.path, `rules.${i}.rule`)] ??= []).push(e.message);
  });
  if (Object.keys(fieldErrors).length > 0) throw new ValidationError('Some of the rules are not valid', fieldErrors);
  input.rules.forEach((r, i) => {
    const rule = r.rule as unknown as SegmentRule;
    bits.push(evaluateOrThrow(engine.evaluator, rule));
    sources.push({ rule });
    sets.push({ index: sets.length, label: r.label ?? `Rule ${i + 1}`, segmentId: null, size: 0 });
  });

  const result = overlaps(bits);
  result.sizes.forEach((size, i) => (sets[i]!.size = size));
  return {
    asOfDate: engine.asOfDate,
    total: result.total,
    sets,
    pairs: result.pairs,
    regions: result.regions.map((r) => ({ ...r, rule: regionRuleOf(sources, r.mask) })),
    union: result.union,
    none: result.none,
    noneRule: regionRuleOf(sources, 0),
  };
}

/** In every set of `mask` and in none of the others (mask 0: in none of them). */
export function regionRuleOf(sources: readonly Source[], mask: number): SegmentRule {
  const children = sources.map((source, i): RuleNode => {
    const inside = (mask & (1 << i)) !== 0;
    if ('segmentId' in source) return { kind: 'segment', op: inside ? 'in' : 'not_in', segmentId: source.segmentId };
    const { version: _version, ...root } = source.rule;
    const group: GroupNode = root;
    return inside ? group : { kind: 'group', combinator: 'and', negate: true, children: [group] };
  });
  return { version: 1, kind: 'group', combinator: 'and', children };
}
