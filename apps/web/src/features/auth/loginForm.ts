// The login form's schema and how a failed login is explained. Messages are translation keys.
import { z } from 'zod';
import { apiErrorCode, retryAfterSeconds } from '../../ui/apiError';

export const loginInput = z.object({
  email: z.email({ error: 'login.errors.emailInvalid' }),
  password: z.string().min(1, { error: 'login.errors.passwordRequired' }),
});
export type LoginInput = z.infer<typeof loginInput>;

export type LoginErrorMessage =
  | { key: 'login.errors.badCredentials' | 'login.errors.rateLimited' | 'login.errors.network' | 'login.errors.generic' }
  | { key: 'login.errors.rateLimitedFor'; seconds: number }
  | { key: 'login.errors.rateLimitedMinutes'; minutes: number };

/** Waits over a minute and a half read better in whole minutes. */
function rateLimitMessage(seconds: number | null): LoginErrorMessage {
  if (!seconds) return { key: 'login.errors.rateLimited' };
  if (seconds >= 90) return { key: 'login.errors.rateLimitedMinutes', minutes: Math.ceil(seconds / 60) };
  return { key: 'login.errors.rateLimitedFor', seconds };
}

export function loginErrorMessage(error: unknown): LoginErrorMessage {
  switch (apiErrorCode(error)) {
    case 'UNAUTHORIZED':
      return { key: 'login.errors.badCredentials' };
    case 'TOO_MANY_REQUESTS':
      return rateLimitMessage(retryAfterSeconds(error));
    case 'NETWORK':
      return { key: 'login.errors.network' };
    default:
      return { key: 'login.errors.generic' };
  }
}
