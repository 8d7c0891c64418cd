// Inputs of the kpis procedures, validated at the boundary.
import { isoDateString } from '@kizuna/db';
import { z } from 'zod';

export const kpiPeriods = ['month', 'week'] as const;
export type KpiPeriod = (typeof kpiPeriods)[number];

/** Most segments one dashboard compares side by side. */
export const MAX_SEGMENT_CUTS = 6;

export const kpiDashboardInput = z
  .object({
    /** Compute as of this date instead of the workspace's (the setting is not changed). */
    asOfDate: isoDateString.optional(),
    /** First and last day of the range the trend covers; default: the 12 periods up to the as-of date. */
    from: isoDateString.optional(),
    to: isoDateString.optional(),
    period: z.enum(kpiPeriods).default('month'),
    segmentIds: z.array(z.string().min(1).max(100)).max(MAX_SEGMENT_CUTS).default([]),
  })
  .strict()
  .refine((v) => v.from === undefined || v.to === undefined || v.from <= v.to, {
    message: 'The range must not end before it starts',
    path: ['to'],
  });
export type KpiDashboardInput = z.input<typeof kpiDashboardInput>;

export const kpiHoldoutInput = z.object({ campaignId: z.string().min(1).max(100) }).strict();
export type KpiHoldoutInput = z.infer<typeof kpiHoldoutInput>;
