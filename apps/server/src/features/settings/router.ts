// settings.get (any signed-in role) / settings.update (admin).
import { settingsPatch } from '@kizuna/db';
import { adminProcedure, authedProcedure, router } from '../../trpc';
import { readSettings, updateSettings } from './service';

export const settingsRouter = router({
  get: authedProcedure.query(({ ctx }) => readSettings(ctx.db)),
  update: adminProcedure.input(settingsPatch).mutation(({ ctx, input }) => updateSettings(ctx.db, ctx.user, input)),
});
