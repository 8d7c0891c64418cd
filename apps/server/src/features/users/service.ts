// Managing workspace users (admin only): create, rename, change role, disable, reset password. The
// workspace always keeps at least one enabled admin, and every change is audited.
import {
  countActiveAdmins,
  createUser as insertUser,
  deleteUserSessions,
  findUserByEmail,
  getUser,
  hashPassword,
  listUsers as selectUsers,
  updateUser as applyUserPatch,
  withTransaction,
  writeAudit,
  type KizunaDb,
  type NewUser,
  type UserAccount,
} from '@kizuna/db';
import type { SessionUser } from '../../context';
import { ConflictError, NotFoundError } from '../../errors';
import type { UpdateUserInput } from './schema';

type Actor = Pick<SessionUser, 'id' | 'email'>;

export function listUsers(db: KizunaDb): Promise<UserAccount[]> {
  return selectUsers(db);
}

/** `actor` is null when the CLI adds a user (no one is signed in there). */
export async function createUser(db: KizunaDb, actor: Actor | null, input: NewUser): Promise<UserAccount> {
  if (await findUserByEmail(db, input.email)) throw new ConflictError(`A user with email ${input.email} already exists`);
  let user: UserAccount;
  try {
    user = await insertUser(db, input);
  } catch (err) {
    // Two admins adding the same email at once: the unique index decides, report it like the check above.
    if (await findUserByEmail(db, input.email)) throw new ConflictError(`A user with email ${input.email} already exists`);
    throw err;
  }
  await writeAudit(db, {
    action: 'user.create',
    entityType: 'user',
    entityId: user.id,
    userId: actor?.id ?? null,
    userEmail: actor?.email ?? null,
    details: { email: user.email, name: user.name, role: user.role, via: actor ? 'app' : 'cli' },
  });
  return user;
}

export async function updateUser(
  db: KizunaDb,
  actor: Actor & { sessionId?: string | null },
  input: UpdateUserInput,
): Promise<UserAccount> {
  // Hash before the transaction: scrypt takes tens of milliseconds and must not hold the write lock.
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
  return withTransaction(db, async (tx) => {
    if (db.dialect === 'postgres') {
      // Serialize concurrent admin changes so two demotions cannot both see "another admin remains".
      // (SQLite transactions are already serialized: BEGIN IMMEDIATE.)
      await tx.kysely.selectFrom('users').select('id').where('role', '=', 'admin').forUpdate().execute();
    }
    const before = await getUser(tx, input.id);
    if (!before) throw new NotFoundError('No such user');
    const losesAdmin =
      before.role === 'admin' &&
      !before.disabled &&
      ((input.role !== undefined && input.role !== 'admin') || input.disabled === true);
    if (losesAdmin && (await countActiveAdmins(tx, before.id)) === 0) {
      throw new ConflictError('The workspace needs at least one enabled admin: make someone else admin first');
    }
    const after = (await applyUserPatch(tx, input.id, {
      name: input.name,
      role: input.role,
      disabled: input.disabled,
      passwordHash,
    }))!;
    // A password reset or a disabled account ends the user's sessions; an admin resetting their own
    // password keeps the session they are using.
    if (after.disabled || passwordHash !== undefined) {
      await deleteUserSessions(tx, after.id, after.id === actor.id ? actor.sessionId : null);
    }
    await writeAudit(tx, {
      action: 'user.update',
      entityType: 'user',
      entityId: after.id,
      userId: actor.id,
      userEmail: actor.email,
      details: { email: after.email, changes: describeChanges(before, after, passwordHash !== undefined) },
    });
    return after;
  });
}

function describeChanges(before: UserAccount, after: UserAccount, passwordChanged: boolean) {
  const changes: Record<string, unknown> = {};
  for (const field of ['name', 'role', 'disabled'] as const) {
    if (before[field] !== after[field]) changes[field] = { from: before[field], to: after[field] };
  }
  if (passwordChanged) changes.password = 'changed';
  return changes;
}
