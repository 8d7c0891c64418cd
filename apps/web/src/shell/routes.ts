// Which page a path shows, for the document title.
import type { NavKey } from './navigation';

const prefixes: [string, NavKey][] = [
  ['/settings/audit', 'audit'],
  ['/segments', 'segments'],
  ['/overlaps', 'overlaps'],
  ['/campaigns', 'campaigns'],
  ['/matrix', 'matrix'],
  ['/kpis', 'kpis'],
  ['/data', 'data'],
  ['/settings', 'settings'],
];

export function pageKeyForPath(pathname: string): NavKey | null {
  for (const [prefix, key] of prefixes) {
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) return key;
  }
  return null;
}
