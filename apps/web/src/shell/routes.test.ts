import { describe, expect, it } from 'vitest';
import { pageKeyForPath } from './routes';

describe('pageKeyForPath', () => {
  it('names the page for each route, the audit log before settings', () => {
    expect(pageKeyForPath('/settings/audit')).toBe('audit');
    expect(pageKeyForPath('/settings')).toBe('settings');
    expect(pageKeyForPath('/segments/123')).toBe('segments');
    expect(pageKeyForPath('/kpis')).toBe('kpis');
  });

  it('does not match a mere prefix of a word', () => {
    expect(pageKeyForPath('/datastore')).toBeNull();
    expect(pageKeyForPath('/')).toBeNull();
  });
});
