// Live answers for the segment builder, all from the in-memory engine: the size preview while editing
// (or every problem of the rule with its node path), why one customer is or is not in a segment, and the
// field registry with the values present in the data.
import { customerCards, dateFromDay, getSavedSegment, getSettings, type CustomerCard, type KizunaDb, type Role } from '@kizuna/db';
import { RuleError, type ExplainNode, type Preview } from '@kizuna/segments';
import { NotFoundError } from '../../errors';
import { canSeePii, maskEmail, maskName } from '../../pii';
import { getSegmentEngine } from './engine';
import { ruleErrorsJson, ruleValidationError, type RuleErrorJson } from './ruleErrors';
import type { ExplainInput, PreviewInput } from './schema';

/** A sample member: the database's customer card, contact fields masked by role, the last order as a date. */
export type PreviewMember = Omit<CustomerCard, 'lastOrderDay'> & { lastOrderDate: string | null };

/** The engine's preview (counts, reach, per-node counts), with its sample as customer cards and what the server adds. */
export interface ValidPreview extends Omit<Preview, 'sample'> {
  valid: true;
  asOfDate: string;
  sample: PreviewMember[];
  piiMasked: boolean;
  /** Size of the saved segment being edited (null without segmentId): the change this edit makes. */
  savedCount: number | null;
  tookMs: number;
}

export interface InvalidPreview {
  valid: false;
  asOfDate: string;
  errors: RuleErrorJson[];
}

export type PreviewResult = ValidPreview | InvalidPreview;

export async function previewRule(db: KizunaDb, role: Role, input: PreviewInput): Promise<PreviewResult> {
  const started = performance.now();
  const engine = await getSegmentEngine(db);
  const rules = await engine.savedRules();
  const errors = engine.check(input.rule, input.segmentId);
  if (errors.length > 0) return { valid: false, asOfDate: engine.asOfDate, errors: ruleErrorsJson(errors) };
  const { smallSegmentThreshold } = await getSettings(db);
  const p = engine.evaluator.preview(input.rule, { segmentId: input.segmentId, sampleSize: input.sampleSize, smallThreshold: smallSegmentThreshold });
  const saved = input.segmentId === undefined ? undefined : rules.get(input.segmentId);
  const savedCount = saved ? countOrNull(() => engine.evaluator.count(saved, { segmentId: input.segmentId })) : null;
  const cards = await customerCards(db, p.sample.map((s) => s.customerId));
  const pii = canSeePii(role);
  return {
    valid: true,
    asOfDate: engine.asOfDate,
    total: p.total,
    count: p.count,
    share: p.share,
    small: p.small,
    smallThreshold: p.smallThreshold,
    reachable: p.reachable,
    reachableAny: p.reachableAny,
    nodes: p.nodes,
    sample: cards.map((c) => ({
      customerId: c.customerId,
      email: pii ? c.email : maskEmail(c.email),
      firstName: pii ? c.firstName : maskName(c.firstName),
      lastName: pii ? c.lastName : maskName(c.lastName),
      gender: c.gender,
      age: c.age,
      region: c.region,
      city: c.city,
      frequency: c.frequency,
      monetary: c.monetary,
      lastOrderDate: c.lastOrderDay === null ? null : dateFromDay(c.lastOrderDay),
    })),
    piiMasked: !pii,
    savedCount,
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

function countOrNull(count: () => number): number | null {
  try {
    return count();
  } catch (err) {
    if (err instanceof RuleError) return null;
    throw err;
  }
}

export interface ExplainResult {
  asOfDate: string;
  customerId: string;
  member: boolean;
  /** The saved segment explained, when one was given. */
  segment: { id: string; name: string; version: number } | null;
  tree: ExplainNode;
}

/** Why a customer is or is not in a saved segment or an unsaved rule, node by node, with their values. */
export async function explainMembership(db: KizunaDb, input: ExplainInput): Promise<ExplainResult> {
  const engine = await getSegmentEngine(db);
  let rule: unknown = input.rule;
  let segment: ExplainResult['segment'] = null;
  if (input.segmentId !== undefined) {
    const saved = await getSavedSegment(db, input.segmentId);
    if (!saved || saved.deletedAt !== null) throw new NotFoundError('No such segment');
    rule = saved.rule;
    segment = { id: saved.id, name: saved.name, version: saved.version };
  }
  const index = engine.indexOf(input.customerId);
  if (index < 0) throw new NotFoundError(`No customer with id ${input.customerId}`);
  // Validates (with every error's path) and fills the evaluator's cache the explanation reads.
  const members = await engine.evaluate(rule, input.segmentId);
  let tree: ExplainNode;
  try {
    tree = engine.evaluator.explain(rule, index, input.segmentId === undefined ? undefined : { segmentId: input.segmentId });
  } catch (err) {
    if (err instanceof RuleError) throw ruleValidationError(err.errors);
    throw err;
  }
  return { asOfDate: engine.asOfDate, customerId: input.customerId, member: members.has(index), segment, tree };
}
