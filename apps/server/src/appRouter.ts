// The whole API: one router per feature. The web app imports `type AppRouter` from here
// (`@kizuna/server/router`); nothing else in this package is part of its contract.
import { auditRouter } from './features/audit/router';
import { authRouter } from './features/auth/router';
import { dataRouter } from './features/data/router';
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
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
