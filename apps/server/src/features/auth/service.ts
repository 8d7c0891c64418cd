// Signing in and out: password check with a rate limit per email and IP, a new session per login, and an
// audit entry for every attempt.
import {
  createSession,
  deleteExpiredSessions,
  deleteSession,
  findUserCredentials,
  hashPassword,
  verifyPassword,
  writeAudit,
  type KizunaDb,
} from '@kizuna/db';
import { toSessionUser, type SessionUser } from '../../context';
import { RateLimitError, UnauthorizedError } from '../../errors';
import { LoginRateLimiter } from './rateLimit';

export interface LoginInput {
  email: string;
  password: string;
}

export interface LoginResult {
  user: SessionUser;
  token: string;
  sessionId: string;
  expiresAt: Date;
}

// Checked when the email is unknown, so a miss takes as long as a wrong password and timing reveals nothing.
let decoyHash: Promise<string> | null = null;
function getDecoyHash(): Promise<string> {
  decoyHash ??= hashPassword('kizuna-decoy-password');
  return decoyHash;
}

export async function login(
  db: KizunaDb,
  limiter: LoginRateLimiter,
  input: LoginInput,
  ip: string,
): Promise<LoginResult> {
  const key = LoginRateLimiter.key(input.email, ip);
  const attempted = { userEmail: input.email.trim().toLowerCase(), entityType: 'user' };
  const retryAfter = limiter.retryAfterSeconds(key);
  if (retryAfter > 0) {
    await writeAudit(db, { ...attempted, action: 'auth.login_failed', details: { ip, reason: 'rate_limited' } });
    throw new RateLimitError(`Too many failed sign-ins. Try again in ${formatWait(retryAfter)}.`, retryAfter);
  }

  const creds = await findUserCredentials(db, input.email);
  const passwordOk = await verifyPassword(input.password, creds?.passwordHash ?? (await getDecoyHash()));
  if (!creds || !passwordOk) {
    limiter.recordFailure(key);
    await writeAudit(db, {
      ...attempted,
      action: 'auth.login_failed',
      userId: creds?.user.id ?? null,
      entityId: creds?.user.id ?? null,
      details: { ip, reason: creds ? 'wrong_password' : 'unknown_email' },
    });
    throw new UnauthorizedError('Wrong email or password');
  }
  const { user } = creds;
  if (user.disabled) {
    await writeAudit(db, { ...attempted, action: 'auth.login_failed', userId: user.id, entityId: user.id, details: { ip, reason: 'disabled' } });
    throw new UnauthorizedError('This account is disabled; ask an admin to enable it');
  }

  limiter.reset(key);
  await deleteExpiredSessions(db);
  const session = await createSession(db, user.id);
  await writeAudit(db, { action: 'auth.login', entityType: 'user', entityId: user.id, userId: user.id, userEmail: user.email, details: { ip } });
  return { user: toSessionUser(user), ...session };
}

export async function logout(db: KizunaDb, user: SessionUser | null, sessionId: string | null): Promise<void> {
  if (!sessionId) return;
  await deleteSession(db, sessionId);
  if (user) {
    await writeAudit(db, { action: 'auth.logout', entityType: 'user', entityId: user.id, userId: user.id, userEmail: user.email });
  }
}

function formatWait(seconds: number): string {
  return seconds < 60 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
