// The one tRPC instance: procedure bases that check the caller's role, the middleware that maps typed
// domain errors to tRPC codes, and the error formatter that gives forms zod's flattened issues.
import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Role } from '@kizuna/db';
import type { Context, SessionUser } from './context';
import { domainErrorCode, RateLimitError, ValidationError } from './errors';

/** Who may call a procedure. Admins may call everything; `roles` lists the others too, for readers. */
export type Access = 'public' | 'authed' | { roles: readonly Role[] };

export interface ProcedureMeta {
  access: Access;
}

export interface FieldErrors {
  formErrors: string[];
  fieldErrors: Record<string, string[] | undefined>;
}

function isZodError(err: unknown): err is z.ZodError {
  return err instanceof z.ZodError || (err instanceof Error && err.name === 'ZodError' && 'issues' in err);
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    // Stack traces stay in the server log, never in responses.
    isDev: false,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      let zodError: FieldErrors | null = null;
      if (isZodError(cause)) zodError = z.flattenError(cause);
      else if (cause instanceof ValidationError) zodError = { formErrors: [cause.message], fieldErrors: cause.fieldErrors };
      const internal = error.code === 'INTERNAL_SERVER_ERROR';
      return {
        ...shape,
        // Internal messages can carry SQL or file paths; the log has them, the client gets a generic one.
        message: internal ? 'Internal server error' : shape.message,
        data: {
          ...shape.data,
          zodError,
          retryAfterSeconds: cause instanceof RateLimitError ? cause.retryAfterSeconds : null,
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    const code = domainErrorCode(cause);
    if (code && cause instanceof Error) throw new TRPCError({ code, message: cause.message, cause });
  }
  return result;
});

const base = t.procedure.use(mapDomainErrors);

export const publicProcedure = base.meta({ access: 'public' });

export const authedProcedure = base.meta({ access: 'authed' }).use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue' });
  return next({ ctx: { user: ctx.user as SessionUser, sessionId: ctx.sessionId as string } });
});

/** Signed-in callers with one of `roles`; admins always pass. */
export function roleProcedure(...roles: Role[]) {
  const allowed: readonly Role[] = roles.includes('admin') ? roles : ['admin', ...roles];
  return base.meta({ access: { roles: allowed } }).use(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue' });
    if (!allowed.includes(ctx.user.role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `This needs one of the roles: ${allowed.join(', ')}` });
    }
    return next({ ctx: { user: ctx.user as SessionUser, sessionId: ctx.sessionId as string } });
  });
}

export const adminProcedure = roleProcedure('admin');
