// Inputs of the matrix procedures and the cell export. Every change may name the matrix version it was made
// against (`baseVersion`): a change to a matrix someone else has changed since is refused, not merged.
import { z } from 'zod';
import { validationMessage as m } from './messages';

const id = z.string().min(1).max(100);
const baseVersion = z.number().int().min(0).optional();

export const assignCellInput = z.object({ campaignId: id, segmentId: id, offerId: z.string().min(1, m('pickOffer')).max(40), baseVersion });
export type AssignCellInput = z.infer<typeof assignCellInput>;

export const unassignCellInput = z.object({ campaignId: id, segmentId: id, baseVersion });
export type UnassignCellInput = z.infer<typeof unassignCellInput>;

const uniqueIds = (what: 'segmentOnce' | 'campaignOnce') =>
  z
    .array(id)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, { message: m(what) });

/** The campaign's assigned segments, highest priority first: every one of them, each once. */
export const reorderSegmentsInput = z.object({ campaignId: id, segmentIds: uniqueIds('segmentOnce'), baseVersion });
export type ReorderSegmentsInput = z.infer<typeof reorderSegmentsInput>;

/** Every active campaign, highest priority first. */
export const reorderCampaignsInput = z.object({ campaignIds: uniqueIds('campaignOnce'), baseVersion });
export type ReorderCampaignsInput = z.infer<typeof reorderCampaignsInput>;

/** Same bounds as the workspace setting it changes. */
export const setFrequencyCapInput = z.object({
  frequencyCapPerWeek: z.number().int(m('wholeMessages')).min(1, m('atLeastMessagesPerWeek', { n: 1 })).max(100, m('atMost', { n: 100 })),
  baseVersion,
});
export type SetFrequencyCapInput = z.infer<typeof setFrequencyCapInput>;

export const restoreMatrixInput = z.object({ version: z.number().int().min(1), baseVersion });
export type RestoreMatrixInput = z.infer<typeof restoreMatrixInput>;

export const matrixVersionsInput = z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 });

export const matrixVersionInput = z.object({ version: z.number().int().min(1) });

export const exportGroups = ['all', 'treatment', 'holdout'] as const;
export type ExportGroup = (typeof exportGroups)[number];

/** Query string of GET /api/export/matrix-cell. */
export const exportCellQuery = z.object({ campaignId: id, segmentId: id, group: z.enum(exportGroups).default('all') });
export type ExportCellQuery = z.infer<typeof exportCellQuery>;
