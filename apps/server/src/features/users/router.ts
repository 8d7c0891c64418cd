// users.list / users.create / users.update (admin only).
import { adminProcedure, router } from '../../trpc';
import { createUserInput, updateUserInput } from './schema';
import { createUser, listUsers, updateUser } from './service';

export const usersRouter = router({
  list: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),
  create: adminProcedure.input(createUserInput).mutation(({ ctx, input }) => createUser(ctx.db, ctx.user, input)),
  update: adminProcedure
    .input(updateUserInput)
    .mutation(({ ctx, input }) => updateUser(ctx.db, { ...ctx.user, sessionId: ctx.sessionId }, input)),
});
