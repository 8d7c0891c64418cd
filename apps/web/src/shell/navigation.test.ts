import { describe, expect, it } from 'vitest';
import { roles } from '../features/auth/roles';
import { navItems } from './navigation';

const flatten = (items: ReturnType<typeof navItems>): string[] =>
  items.flatMap((i) => [i.key, ...flatten(i.children)]);

describe('navItems', () => {
  it('lists the pages in the documented order', () => {
    expect(navItems('manager').map((i) => i.key)).toEqual([
      'segments',
      'overlaps',
      'campaigns',
      'matrix',
      'kpis',
      'data',
      'settings',
    ]);
  });

  it('puts the audit log under settings for administrators only', () => {
    const settings = navItems('admin').find((i) => i.key === 'settings');
    expect(settings?.children.map((c) => c.path)).toEqual(['/settings/audit']);
    for (const role of roles.filter((r) => r !== 'admin')) {
      expect(flatten(navItems(role))).not.toContain('audit');
    }
  });

  it('gives every item a distinct path', () => {
    const paths = navItems('admin').flatMap((i) => [i.path, ...i.children.map((c) => c.path)]);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
