// matrix.*: every signed-in role reads the matrix and its versions; planners (and admins) change
// assignments, priorities and the frequency cap. Every change is versioned and audited. The CSV export of a
// cell is the plain HTTP route GET /api/export/matrix-cell (export.ts).
import {
  assignCellInput,
  matrixVersionInput,
  matrixVersionsInput,
  reorderCampaignsInput,
  reorderSegmentsInput,
  restoreMatrixInput,
  setFrequencyCapInput,
  unassignCellInput,
} from '@kizuna/campaigns';
import { authedProcedure, roleProcedure, router } from '../../trpc';
import { assignCell, reorderCampaigns, reorderSegments, restoreMatrix, setFrequencyCap, unassignCell } from './mutations';
import { getMatrix, matrixVersion, matrixVersions } from './queries';

const planner = roleProcedure('planner');

export const matrixRouter = router({
  get: authedProcedure.query(({ ctx }) => getMatrix(ctx.db)),
  versions: authedProcedure.input(matrixVersionsInput).query(({ ctx, input }) => matrixVersions(ctx.db, input)),
  version: authedProcedure.input(matrixVersionInput).query(({ ctx, input }) => matrixVersion(ctx.db, input.version)),

  assign: planner.input(assignCellInput).mutation(({ ctx, input }) => assignCell(ctx.db, ctx.user, input)),
  unassign: planner.input(unassignCellInput).mutation(({ ctx, input }) => unassignCell(ctx.db, ctx.user, input)),
  reorderSegments: planner.input(reorderSegmentsInput).mutation(({ ctx, input }) => reorderSegments(ctx.db, ctx.user, input)),
  reorderCampaigns: planner.input(reorderCampaignsInput).mutation(({ ctx, input }) => reorderCampaigns(ctx.db, ctx.user, input)),
  setFrequencyCap: planner.input(setFrequencyCapInput).mutation(({ ctx, input }) => setFrequencyCap(ctx.db, ctx.user, input)),
  restore: planner.input(restoreMatrixInput).mutation(({ ctx, input }) => restoreMatrix(ctx.db, ctx.user, input)),
});
