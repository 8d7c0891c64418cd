// data.stats / data.imports (any signed-in role) and data.importStatus (admin). Uploads themselves arrive
// over plain HTTP (upload.ts), since tRPC is JSON-only.
import { datasetStats } from '@kizuna/db';
import { z } from 'zod';
import { NotFoundError } from '../../errors';
import { adminProcedure, authedProcedure, router } from '../../trpc';
import { listImports } from './service';

export const importsInput = z.object({ limit: z.number().int().min(1).max(100).default(20) });
export const importStatusInput = z.object({ id: z.string().min(1).max(100) });

export const dataRouter = router({
  stats: authedProcedure.query(({ ctx }) => datasetStats(ctx.db)),
  imports: authedProcedure.input(importsInput).query(({ ctx, input }) => listImports(ctx.db, input.limit)),
  importStatus: adminProcedure.input(importStatusInput).query(({ ctx, input }) => {
    const job = ctx.imports.get(input.id);
    if (!job) throw new NotFoundError('No such import job (jobs are forgotten when the server restarts)');
    return {
      id: job.id,
      status: job.status,
      progress: job.progress,
      report: job.report,
      error: job.error,
    };
  }),
});
