// Roles as the server defines them, and what each may do in the UI (the server checks again on every call).
export const roles = ['admin', 'marketer', 'planner', 'manager'] as const;
export type Role = (typeof roles)[number];

/** The first page after signing in: where each role does most of its work. */
export function landingPath(role: Role): string {
  switch (role) {
    case 'admin':
      return '/data';
    case 'marketer':
      return '/segments';
    case 'planner':
      return '/matrix';
    case 'manager':
      return '/kpis';
  }
}

/**
 * Where to go after signing in: back to the page that sent the user to the login form, when it is one of
 * ours (a relative path, never another origin), else the role's landing page.
 */
export function afterLoginPath(role: Role, from: unknown): string {
  if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login')) {
    return from;
  }
  return landingPath(role);
}
