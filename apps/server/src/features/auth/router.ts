// auth.login / auth.logout / auth.me: the session cookie is set and cleared here, nowhere else.
import { SESSION_TTL_MS } from '@kizuna/db';
import { z } from 'zod';
import { SESSION_COOKIE, type Context } from '../../context';
import type { CookieOptions } from '../../http/cookies';
import { publicProcedure, router } from '../../trpc';
import { login, logout } from './service';

export const loginInput = z.object({
  email: z.string().trim().min(1, 'Enter your email').max(320),
  password: z.string().min(1, 'Enter your password').max(1024),
});
export type LoginInput = z.infer<typeof loginInput>;

export function sessionCookieOptions(ctx: Pick<Context, 'secure'>): CookieOptions {
  return { httpOnly: true, sameSite: 'Strict', path: '/', secure: ctx.secure, maxAgeSeconds: SESSION_TTL_MS / 1000 };
}

export const authRouter = router({
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const result = await login(ctx.db, ctx.loginLimiter, input, ctx.ip);
    // A new login replaces whatever session this browser had.
    if (ctx.sessionId) await logout(ctx.db, null, ctx.sessionId);
    ctx.cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(ctx));
    return { user: result.user };
  }),

  // Public so that signing out with an expired session still clears the cookie instead of failing.
  logout: publicProcedure.mutation(async ({ ctx }) => {
    await logout(ctx.db, ctx.user, ctx.sessionId);
    ctx.cookies.clear(SESSION_COOKIE, sessionCookieOptions(ctx));
    return { ok: true as const };
  }),

  me: publicProcedure.query(({ ctx }) => ctx.user),
});
