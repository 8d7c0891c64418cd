// Helpers for the server's integration tests (and those of features added later): signed-in callers of
// the app router over a test database, without HTTP.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { createSession, type KizunaDb, type Role } from '@kizuna/db';
import { createCaller } from './appRouter';
import { createAppServices, SESSION_COOKIE, toSessionUser, type AppServices, type Context, type SessionUser } from './context';
import { memoryCookieJar } from './http/cookies';

export interface TestContextOptions {
  user?: SessionUser | null;
  sessionId?: string | null;
  ip?: string;
  secure?: boolean;
  services?: AppServices;
}

export type TestContext = Context & { cookies: ReturnType<typeof memoryCookieJar> };

export function createTestContext(db: KizunaDb, options: TestContextOptions = {}): TestContext {
  return {
    ...(options.services ?? createAppServices(db)),
    user: options.user ?? null,
    sessionId: options.sessionId ?? null,
    cookies: memoryCookieJar(),
    ip: options.ip ?? '127.0.0.1',
    secure: options.secure ?? false,
  };
}

/**
 * A user of `role` with a live session. The password hash is deliberately unusable (these users never log
 * in with a password), which also skips scrypt's cost in tests.
 */
export async function insertTestUser(
  db: KizunaDb,
  role: Role,
  email = `${role}-${randomUUID().slice(0, 8)}@test.example`,
): Promise<{ user: SessionUser; sessionId: string; token: string }> {
  const id = randomUUID();
  await db.kysely
    .insertInto('users')
    .values({ id, email, name: `Test ${role}`, role, password_hash: 'unusable', created_at: new Date().toISOString() })
    .execute();
  const session = await createSession(db, id);
  return { user: toSessionUser({ id, email, name: `Test ${role}`, role }), sessionId: session.sessionId, token: session.token };
}

/** A caller of the whole router as a new user of `role`, or signed out when role is null. */
export async function callerAs(db: KizunaDb, role: Role | null, options: Omit<TestContextOptions, 'user' | 'sessionId'> = {}) {
  const signedIn = role ? await insertTestUser(db, role) : null;
  const ctx = createTestContext(db, { ...options, user: signedIn?.user ?? null, sessionId: signedIn?.sessionId ?? null });
  return { caller: createCaller(ctx), ctx, user: signedIn?.user ?? null };
}

/** Cookie header value that signs a request in with the given session token. */
export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}`;
}

/** A tRPC call over real HTTP, as the web app makes it (no batching, plain JSON). */
export async function trpcHttp(
  baseUrl: string,
  path: string,
  options: { type: 'query' | 'mutation'; input?: unknown; cookie?: string; headers?: Record<string, string> },
): Promise<{ status: number; body: TrpcHttpBody; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  let response: Response;
  if (options.type === 'query') {
    const query = options.input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(options.input))}`;
    response = await fetch(`${baseUrl}/trpc/${path}${query}`, { headers });
  } else {
    headers['content-type'] = 'application/json';
    response = await fetch(`${baseUrl}/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(options.input ?? null) });
  }
  return { status: response.status, body: (await response.json()) as TrpcHttpBody, headers: response.headers };
}

export interface TrpcHttpBody {
  result?: { data: unknown };
  error?: {
    message: string;
    data: {
      code: string;
      httpStatus: number;
      zodError: { formErrors: string[]; fieldErrors: Record<string, string[]> } | null;
      retryAfterSeconds: number | null;
    };
  };
}

/** The TRPCError a call fails with; fails the test when the call succeeds. */
export async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof TRPCError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}
