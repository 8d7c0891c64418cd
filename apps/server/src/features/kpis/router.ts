// kpis.dashboard and kpis.definitions: read-only, for every role (managers' page, but marketers and planners
// read KPIs too), and kpis.holdout for a campaign's treatment vs holdout comparison.
import { KPI_DEFINITIONS } from '@kizuna/metrics';
import { roleProcedure, router } from '../../trpc';
import { holdoutComparison } from './holdout';
import { kpiDashboardInput, kpiHoldoutInput } from './schema';
import { kpiDashboard } from './service';

const readers = roleProcedure('manager', 'marketer', 'planner');

export const kpisRouter = router({
  dashboard: readers.input(kpiDashboardInput).query(({ ctx, input }) => kpiDashboard(ctx.db, input)),
  definitions: readers.query(() => KPI_DEFINITIONS.map((d) => ({ ...d, edgeCases: [...d.edgeCases] }))),
  holdout: readers.input(kpiHoldoutInput).query(({ ctx, input }) => holdoutComparison(ctx.db, input.campaignId)),
});
