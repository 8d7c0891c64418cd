// The left navigation, per role: every role reads every page; the audit log is for administrators only.
import type { Role } from '../features/auth/roles';

export type NavKey = 'segments' | 'overlaps' | 'campaigns' | 'matrix' | 'kpis' | 'data' | 'settings' | 'audit';

export interface NavItem {
  key: NavKey;
  path: string;
  children: NavItem[];
}

const item = (key: NavKey, path: string, children: NavItem[] = []): NavItem => ({ key, path, children });

export function navItems(role: Role): NavItem[] {
  const settingsChildren = role === 'admin' ? [item('audit', '/settings/audit')] : [];
  return [
    item('segments', '/segments'),
    item('overlaps', '/overlaps'),
    item('campaigns', '/campaigns'),
    item('matrix', '/matrix'),
    item('kpis', '/kpis'),
    item('data', '/data'),
    item('settings', '/settings', settingsChildren),
  ];
}
