// Who may see personal data (email, first and last name) and how it is masked for everyone else. Every
// feature that returns customer rows goes through here, so the rule lives in one place.
import type { Role } from '@kizuna/db';

/** Admins and campaign planners work with contact data; marketers and managers see masked values. */
export function canSeePii(role: Role): boolean {
  return role === 'admin' || role === 'planner';
}

const MASK = '***';

/** `taro.yamada@example.co.jp` → `t***@e***.jp`: enough to tell rows apart, not enough to contact anyone. */
export function maskEmail(email: string | null | undefined): string | null {
  if (email == null || email === '') return email ?? null;
  const at = email.lastIndexOf('@');
  if (at <= 0) return firstChar(email) + MASK;
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${firstChar(email)}${MASK}@${domain ? firstChar(domain) + MASK : ''}${tld}`;
}

/** `Yamada` → `Y***`, `山田` → `山***`. */
export function maskName(name: string | null | undefined): string | null {
  if (name == null || name.trim() === '') return name ?? null;
  return firstChar(name.trim()) + MASK;
}

// By code point, so a surrogate pair (e.g. 𠮷) is never cut in half.
function firstChar(value: string): string {
  return Array.from(value)[0] ?? '';
}

/** The PII columns of a customer row; rows without them pass through unchanged. */
export const piiFields = ['email', 'first_name', 'last_name'] as const;

/** The row unchanged for roles that may see PII; otherwise a copy with email and names masked. */
export function applyPiiPolicy<T extends object>(role: Role, row: T): T {
  if (canSeePii(role)) return row;
  const masked = { ...row } as Record<string, unknown>;
  for (const field of piiFields) {
    if (!(field in masked)) continue;
    const value = masked[field];
    if (typeof value !== 'string') continue;
    masked[field] = field === 'email' ? maskEmail(value) : maskName(value);
  }
  return masked as T;
}
