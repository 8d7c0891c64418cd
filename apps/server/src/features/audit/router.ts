// audit.list (admin): the audit log, newest first, paged by cursor.
import { InvalidAuditCursorError, listAudit } from '@kizuna/db';
import { z } from 'zod';
import { ValidationError } from '../../errors';
import { adminProcedure, router } from '../../trpc';

export const auditListInput = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).nullish(),
});

export const auditRouter = router({
  list: adminProcedure.input(auditListInput).query(async ({ ctx, input }) => {
    try {
      return await listAudit(ctx.db, { limit: input.limit, cursor: input.cursor });
    } catch (err) {
      if (err instanceof InvalidAuditCursorError) throw new ValidationError(err.message, { cursor: [err.message] });
      throw err;
    }
  }),
});
