// Inputs of the matrix procedures and the cell export. Every change may name the matrix version it was made
// against (`baseVersion`): a change to a matrix someone else has changed since is refused, not merged.
import { z } from 'zod';

const id = z.string().min(1).max(100);
const baseVersion = z.number().int().min(0).optional();

export const assignCellInput = z.object({ campaignId: id, segmentId: id, offerId: z.string().min(1, 'Pick an offer').max(40), baseVersion });
export type AssignCellInput = z.infer<typeof assignCellInput>;

export const unassignCellInput = z.object({ campaignId: id, segmentId: id, baseVersion });
export type UnassignCellInput = z.infer<typeof unassignCellInput>;

const uniqueIds = (what: string) =>
  z
    .array(id)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, { message: `Each ${what} may appear once` });

/** The campaign's assigned segments, highest priority first: every one of them, each once. */
export const reorderSegmentsInput = z.object({ campaignId: id, segmentIds: uniqueIds('segment'), baseVersion });
export type ReorderSegmentsInput = z.infer<typeof reorderSegmentsInput>;

/** Every active campaign, highest priority first. */
export const reorderCampaignsInput = z.object({ campaignIds: uniqueIds('campaign'), baseVersion });
export type ReorderCampaignsInput = z.infer<typeof reorderCampaignsInput>;

/** Same bounds as the workspace setting it changes. */
export const setFrequencyCapInput = z.object({
  frequencyCapPerWeek: z.number().int('A whole number of messages').min(1, 'At least 1 message a week').max(100, 'At most 100'),
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
