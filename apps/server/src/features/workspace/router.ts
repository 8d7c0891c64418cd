// workspace.summary: what the web header shows on every page (as-of date, data through, currency, zone).
import { getSettings, resolveAsOf } from '@kizuna/db';
import { authedProcedure, router } from '../../trpc';

export interface WorkspaceSummary {
  asOfDate: string;
  dataThroughDate: string | null;
  asOfExplicit: boolean;
  currency: string;
  timeZone: string;
}

export const workspaceRouter = router({
  summary: authedProcedure.query(async ({ ctx }): Promise<WorkspaceSummary> => {
    const settings = await getSettings(ctx.db);
    const asOf = await resolveAsOf(ctx.db, settings);
    return {
      asOfDate: asOf.asOfDate,
      dataThroughDate: asOf.dataThroughDate,
      asOfExplicit: asOf.explicit,
      currency: settings.currency,
      timeZone: settings.timeZone,
    };
  }),
});
