// Workspace users: scrypt password hashes and the rows of the users table. Business rules (who may change
// whom, the last admin) live in the server's users service; this module only stores and verifies.
import { randomBytes, randomUUID, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { KizunaDb } from './client';
import type { Role } from './tables';

/** A database or an open transaction (`{ kysely: trx }`): repositories only need the query builder. */
type DbExecutor = Pick<KizunaDb, 'kysely'>;

export const userRoles = ['admin', 'marketer', 'planner', 'manager'] as const satisfies readonly Role[];

export interface UserAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export interface UserPatch {
  name?: string;
  role?: Role;
  disabled?: boolean;
  password?: string;
  /** A hash from hashPassword, for callers that hash before opening a transaction. */
  passwordHash?: string;
}

// N = 2^15, r = 8, p = 1: OWASP's scrypt floor; about 50 ms and 32 MiB per hash.
const SCRYPT = { N: 32768, r: 8, p: 1, keyLength: 64 } as const;
const SALT_BYTES = 16;

function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

function scryptOptions(N: number, r: number, p: number): ScryptOptions {
  // Node refuses N·r·128 above maxmem (32 MiB by default); leave headroom for the chosen cost.
  return { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
}

/** `scrypt$N$r$p$salt$hash` (base64): self-describing, so the cost can be raised without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scryptAsync(password, salt, SCRYPT.keyLength, scryptOptions(SCRYPT.N, SCRYPT.r, SCRYPT.p));
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Constant-time check of a password against a stored hash; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length === 0 || expected.length === 0) return false;
  const actual = await scryptAsync(password, salt, expected.length, scryptOptions(N, r, p));
  return timingSafeEqual(actual, expected);
}

/** Emails are compared case-insensitively: stored trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

type UserRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: number;
  created_at: string;
};

function toUser(row: UserRow): UserAccount {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
  };
}

const userColumns = ['id', 'email', 'name', 'role', 'disabled', 'created_at'] as const;

export async function createUser(db: DbExecutor, input: NewUser): Promise<UserAccount> {
  const row = {
    id: randomUUID(),
    email: normalizeEmail(input.email),
    name: input.name.trim(),
    role: input.role,
    password_hash: await hashPassword(input.password),
    created_at: new Date().toISOString(),
    disabled: 0 as const,
  };
  await db.kysely.insertInto('users').values(row).execute();
  return toUser(row);
}

export async function getUser(db: DbExecutor, id: string): Promise<UserAccount | null> {
  const row = await db.kysely.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function findUserByEmail(db: DbExecutor, email: string): Promise<UserAccount | null> {
  const row = await db.kysely
    .selectFrom('users')
    .select(userColumns)
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

/** The user and the stored hash, for login only. */
export async function findUserCredentials(
  db: DbExecutor,
  email: string,
): Promise<{ user: UserAccount; passwordHash: string } | null> {
  const row = await db.kysely
    .selectFrom('users')
    .select([...userColumns, 'password_hash'])
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
  return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
}

export async function listUsers(db: DbExecutor): Promise<UserAccount[]> {
  const rows = await db.kysely.selectFrom('users').select(userColumns).orderBy('email').execute();
  return rows.map(toUser);
}

/** Enabled admins other than `exceptId`: the last-admin rule asks whether any would remain. */
export async function countActiveAdmins(db: DbExecutor, exceptId?: string): Promise<number> {
  let query = db.kysely
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Applies the given fields; returns the updated user, or null when there is no such user. */
export async function updateUser(db: DbExecutor, id: string, patch: UserPatch): Promise<UserAccount | null> {
  const values: { name?: string; role?: Role; disabled?: 0 | 1; password_hash?: string } = {};
  if (patch.name !== undefined) values.name = patch.name.trim();
  if (patch.role !== undefined) values.role = patch.role;
  if (patch.disabled !== undefined) values.disabled = patch.disabled ? 1 : 0;
  if (patch.passwordHash !== undefined) values.password_hash = patch.passwordHash;
  else if (patch.password !== undefined) values.password_hash = await hashPassword(patch.password);
  if (Object.keys(values).length > 0) {
    await db.kysely.updateTable('users').set(values).where('id', '=', id).execute();
  }
  return getUser(db, id);
}
