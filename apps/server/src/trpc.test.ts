// The domain-error middleware and the error formatter, on a small router built from the same bases.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { z } from 'zod';
import { createTestDb, type KizunaDb } from '@kizuna/db';
import { ConflictError, ForbiddenError, NotFoundError, RateLimitError, UnauthorizedError, ValidationError } from './errors';
import { createTestContext, type TrpcHttpBody } from './testing';
import { createCallerFactory, publicProcedure, router } from './trpc';

const thrown = {
  notFound: () => new NotFoundError('no such segment'),
  validation: () => new ValidationError('bad rule', { 'rule.children.0': ['Unknown field'] }),
  forbidden: () => new ForbiddenError('not yours'),
  conflict: () => new ConflictError('already exists'),
  unauthorized: () => new UnauthorizedError('who are you'),
  rateLimit: () => new RateLimitError('slow down', 42),
  crash: () => new Error('SQLITE_ERROR: no such table secret_table'),
};

const testRouter = router({
  ...Object.fromEntries(
    Object.entries(thrown).map(([name, make]) => [
      name,
      publicProcedure.query(() => {
        throw make();
      }),
    ]),
  ),
  typed: publicProcedure.input(z.object({ email: z.email('Enter a valid email'), age: z.number().int() })).query(() => 'ok'),
});

const expectedCodes: Record<keyof typeof thrown, { code: string; status: number }> = {
  notFound: { code: 'NOT_FOUND', status: 404 },
  validation: { code: 'BAD_REQUEST', status: 400 },
  forbidden: { code: 'FORBIDDEN', status: 403 },
  conflict: { code: 'CONFLICT', status: 409 },
  unauthorized: { code: 'UNAUTHORIZED', status: 401 },
  rateLimit: { code: 'TOO_MANY_REQUESTS', status: 429 },
  crash: { code: 'INTERNAL_SERVER_ERROR', status: 500 },
};

describe('domain errors and the error formatter', () => {
  let db: KizunaDb;
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    db = await createTestDb();
    server = http.createServer(createHTTPHandler({ router: testRouter, createContext: () => createTestContext(db) }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.close();
  });

  const get = async (path: string, input?: unknown) => {
    const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const res = await fetch(`${url}/${path}${query}`);
    return { status: res.status, body: (await res.json()) as TrpcHttpBody };
  };

  it.each(Object.keys(thrown) as (keyof typeof thrown)[])('maps %s to its tRPC code and HTTP status', async (name) => {
    const caller = createCallerFactory(testRouter)(createTestContext(db));
    const err = await (caller as unknown as Record<string, () => Promise<unknown>>)[name]!().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe(expectedCodes[name].code);
    const res = await get(name);
    expect(res.status).toBe(expectedCodes[name].status);
    expect(res.body.error?.data.code).toBe(expectedCodes[name].code);
  });

  it('keeps domain messages, hides internal ones', async () => {
    expect((await get('conflict')).body.error?.message).toBe('already exists');
    const crash = await get('crash');
    expect(crash.body.error?.message).toBe('Internal server error');
    expect(JSON.stringify(crash.body)).not.toContain('secret_table');
  });

  it('attaches field errors: zod issues for schema failures, ValidationError fields, retryAfterSeconds', async () => {
    const typed = await get('typed', { email: 'x', age: 1.5 });
    expect(typed.status).toBe(400);
    expect(typed.body.error?.data.zodError?.fieldErrors).toEqual({ email: ['Enter a valid email'], age: [expect.any(String)] });
    const validation = await get('validation');
    expect(validation.body.error?.data.zodError).toEqual({ formErrors: ['bad rule'], fieldErrors: { 'rule.children.0': ['Unknown field'] } });
    expect((await get('rateLimit')).body.error?.data.retryAfterSeconds).toBe(42);
    expect((await get('notFound')).body.error?.data).toMatchObject({ zodError: null, retryAfterSeconds: null });
  });
});
