import { describe, expect, it } from 'vitest';
import { afterLoginPath, landingPath, roles } from './roles';

describe('landingPath', () => {
  it('sends each role to its main page', () => {
    expect(roles.map(landingPath)).toEqual(['/data', '/segments', '/matrix', '/kpis']);
  });
});

describe('afterLoginPath', () => {
  it('returns to the page the user came from', () => {
    expect(afterLoginPath('manager', '/settings/audit')).toBe('/settings/audit');
    expect(afterLoginPath('admin', '/data?tab=x')).toBe('/data?tab=x');
  });

  it('refuses other origins, the login page itself and junk', () => {
    expect(afterLoginPath('manager', '//evil.example/x')).toBe('/kpis');
    expect(afterLoginPath('manager', 'https://evil.example')).toBe('/kpis');
    expect(afterLoginPath('marketer', '/login')).toBe('/segments');
    expect(afterLoginPath('planner', undefined)).toBe('/matrix');
    expect(afterLoginPath('planner', 42)).toBe('/matrix');
  });
});
