// The whole API: one router per feature. The web app imports `type AppRouter` from here
// (`@kizuna/server/router`); nothing else in this package is part of its contract.
import { auditRouter } from './features/audit/router';
import { authRouter } from './features/auth/router';
import { campaignsRouter } from './features/campaigns/router';
import { dataRouter } from './features/data/router';
import { kpisRouter } from './features/kpis/router';
import { matrixRouter } from './features/matrix/router';
import { overlapsRouter } from './features/overlaps/router';
import { segmentsRouter } from './features/segments/router';
import { settingsRouter } from './features/settings/router';
import { usersRouter } from './features/users/router';
import { workspaceRouter } from './features/workspace/router';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  workspace: workspaceRouter,
  data: dataRouter,
  settings: settingsRouter,
  users: usersRouter,
  audit: auditRouter,
  segments: segmentsRouter,
  overlaps: overlapsRouter,
  kpis: kpisRouter,
  campaigns: campaignsRouter,
  matrix: matrixRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
