// Inputs of the segments and overlaps procedures (shared with the CLI). Rules arrive as plain objects and
// are checked by validateRule, which reports every problem with the path of its node, rather than by zod
// alone, whose errors would not point at builder nodes.
import { MAX_OVERLAP_SETS, MIN_OVERLAP_SETS, type SegmentRule } from '@kizuna/segments';
import { z } from 'zod';

/**
 * A SegmentRule, or any object (a draft from the builder): zod only checks it is an object, then
 * validateRule reports every problem with the path of its node, which the builder shows beside that node.
 */
export const ruleInput = z.custom<SegmentRule | Record<string, unknown>>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  'Expected a rule object',
);

export const segmentId = z.string().min(1).max(100);
export const segmentName = z.string().trim().min(1, 'Enter a name').max(120, 'At most 120 characters');
export const segmentDescription = z.string().trim().max(2000, 'At most 2,000 characters');
export const segmentTags = z
  .array(z.string().trim().min(1, 'A tag cannot be empty').max(40, 'A tag has at most 40 characters'))
  .max(20, 'At most 20 tags')
  .transform((tags) => [...new Set(tags)]);

export const createSegmentInput = z.object({
  name: segmentName,
  description: segmentDescription.default(''),
  tags: segmentTags.default([]),
  rule: ruleInput,
});
export type CreateSegmentInput = z.infer<typeof createSegmentInput>;

export const updateSegmentInput = z.object({
  id: segmentId,
  /** The version the edit started from: a save over someone else's newer version is refused. */
  expectedVersion: z.number().int().min(1).optional(),
  name: segmentName.optional(),
  description: segmentDescription.optional(),
  tags: segmentTags.optional(),
  rule: ruleInput.optional(),
});
export type UpdateSegmentInput = z.infer<typeof updateSegmentInput>;

export const segmentIdInput = z.object({ id: segmentId });

export const listSegmentsInput = z
  .object({
    search: z.string().trim().max(120).optional(),
    tag: z.string().trim().max(40).optional(),
  })
  .default({});

export const diffSegmentInput = z.object({
  id: segmentId,
  from: z.number().int().min(1),
  to: z.number().int().min(1),
});

export const restoreSegmentInput = z.object({
  id: segmentId,
  version: z.number().int().min(1),
  expectedVersion: z.number().int().min(1).optional(),
});

export const duplicateSegmentInput = z.object({ id: segmentId, name: segmentName.optional() });

export const deleteSegmentInput = z.object({
  id: segmentId,
  /** Delete even though campaigns use it (their assignments then point at a deleted segment). */
  force: z.boolean().default(false),
});

export const refreshSegmentsInput = z.object({ ids: z.array(segmentId).max(500).optional() }).default({});

export const previewInput = z.object({
  rule: ruleInput,
  /** The saved segment being edited: references back to it are cycles, and savedCount is returned. */
  segmentId: segmentId.optional(),
  sampleSize: z.number().int().min(0).max(100).default(20),
});
export type PreviewInput = z.infer<typeof previewInput>;

export const explainInput = z
  .object({
    customerId: z.string().min(1).max(200),
    segmentId: segmentId.optional(),
    rule: ruleInput.optional(),
  })
  .refine((v) => (v.segmentId === undefined) !== (v.rule === undefined), { message: 'Give either segmentId or rule', path: ['segmentId'] });
export type ExplainInput = z.infer<typeof explainInput>;

export const overlapsInput = z
  .object({
    segmentIds: z.array(segmentId).max(MAX_OVERLAP_SETS).default([]),
    rules: z.array(z.object({ label: z.string().trim().min(1).max(120).optional(), rule: ruleInput })).max(MAX_OVERLAP_SETS).default([]),
  })
  .refine((v) => v.segmentIds.length + v.rules.length >= MIN_OVERLAP_SETS && v.segmentIds.length + v.rules.length <= MAX_OVERLAP_SETS, {
    message: `Compare ${MIN_OVERLAP_SETS} to ${MAX_OVERLAP_SETS} segments`,
    path: ['segmentIds'],
  })
  .refine((v) => new Set(v.segmentIds).size === v.segmentIds.length, { message: 'A segment is listed twice', path: ['segmentIds'] });
export type OverlapsInput = z.infer<typeof overlapsInput>;
