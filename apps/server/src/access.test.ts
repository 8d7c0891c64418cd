// Every procedure of the app router, as every role and signed out: each must refuse exactly the callers it
// should. The list comes from the router itself, so a procedure added later cannot escape this test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createTestDb, type KizunaDb, type Role } from '@kizuna/db';
import { appRouter, createCaller } from './appRouter';
import { createAppServices, type AppServices, type SessionUser } from './context';
import { createTestContext, insertTestUser } from './testing';
import type { Access, ProcedureMeta } from './trpc';

const roles: Role[] = ['admin', 'marketer', 'planner', 'manager'];

/** What the brief fixes for the procedures of this issue; later procedures are checked through their meta. */
const specified: Record<string, 'public' | 'authed' | Role[]> = {
  'auth.login': 'public',
  'auth.logout': 'public',
  'auth.me': 'public',
  'workspace.summary': 'authed',
  'data.stats': 'authed',
  'data.imports': 'authed',
  'data.importStatus': ['admin'],
  'settings.get': 'authed',
  'settings.update': ['admin'],
  'users.list': ['admin'],
  'users.create': ['admin'],
  'users.update': ['admin'],
  'audit.list': ['admin'],
};

// At runtime _def.procedures is flat, keyed by dotted path (its type mirrors the nested record).
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>).map(
  ([path, procedure]) => ({ path, access: procedure._def.meta?.access }),
);

function allowedRoles(access: Access): Role[] | 'anyone' {
  if (access === 'public') return 'anyone';
  if (access === 'authed') return roles;
  return [...access.roles];
}

function callPath(caller: ReturnType<typeof createCaller>, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const key of path.split('.')) target = (target as Record<string, unknown>)[key];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

/** The tRPC code the call failed with, or 'OK'. */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
}

describe('access control of every procedure', () => {
  let db: KizunaDb;
  let services: AppServices;
  const users = new Map<Role, { user: SessionUser; sessionId: string }>();

  beforeAll(async () => {
    db = await createTestDb();
    services = createAppServices(db);
    for (const role of roles) users.set(role, await insertTestUser(db, role));
  });
  afterAll(async () => {
    await db.close();
  });

  const callerFor = (role: Role | null) => {
    const signedIn = role ? users.get(role)! : null;
    return createCaller(
      createTestContext(db, { services, user: signedIn?.user ?? null, sessionId: signedIn?.sessionId ?? null, ip: `10.0.0.${role?.length ?? 0}` }),
    );
  };

  it('finds the procedures of the router', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(Object.keys(specified).length);
    expect(procedures.map((p) => p.path)).toEqual(expect.arrayContaining(Object.keys(specified)));
  });

  it.each(procedures)('$path declares who may call it', ({ path, access }) => {
    expect(access, `${path} must be built on publicProcedure, authedProcedure or roleProcedure`).toBeDefined();
    const want = specified[path];
    if (want === undefined) return;
    if (want === 'public' || want === 'authed') expect(access).toBe(want);
    else expect(access).toEqual({ roles: want });
  });

  it.each(procedures)('$path refuses exactly the callers it must', async ({ path, access }) => {
    const allowed = allowedRoles(access!);
    // Input that no procedure accepts, so allowed callers stop at validation and nothing is changed; a
    // refused caller must be stopped before validation.
    const badInput = { __invalid: Symbol('x') };
    const signedOut = await outcome(callPath(callerFor(null), path, badInput));
    if (allowed === 'anyone') expect(signedOut, `signed out → ${path}`).not.toBe('UNAUTHORIZED');
    else expect(signedOut, `signed out → ${path}`).toBe('UNAUTHORIZED');
    for (const role of roles) {
      const got = await outcome(callPath(callerFor(role), path, badInput));
      const mayCall = allowed === 'anyone' || allowed.includes(role);
      if (mayCall) expect(['UNAUTHORIZED', 'FORBIDDEN'], `${role} → ${path}`).not.toContain(got);
      else expect(got, `${role} → ${path}`).toBe('FORBIDDEN');
    }
  });

  it('lets admins call everything', () => {
    for (const { path, access } of procedures) {
      const allowed = allowedRoles(access!);
      expect(allowed === 'anyone' || allowed.includes('admin'), path).toBe(true);
    }
  });
});
