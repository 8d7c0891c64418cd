import { describe, expect, it } from 'vitest';
import { applyPiiPolicy, canSeePii, maskEmail, maskName } from './pii';

describe('PII policy', () => {
  it('lets admins and planners see PII, not marketers or managers', () => {
    expect(canSeePii('admin')).toBe(true);
    expect(canSeePii('planner')).toBe(true);
    expect(canSeePii('marketer')).toBe(false);
    expect(canSeePii('manager')).toBe(false);
  });

  it.each([
    ['taro.yamada@example.co.jp', 't***@e***.jp'],
    ['a@b', 'a***@b***'],
    ['no-at-sign', 'n***'],
    ['', ''],
  ])('masks the email %s as %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });

  it('masks names by their first character, whole code points only', () => {
    expect(maskName('Yamada')).toBe('Y***');
    expect(maskName(' 山田 ')).toBe('山***');
    expect(maskName('𠮷野')).toBe('𠮷***');
    expect(maskName(null)).toBeNull();
    expect(maskEmail(undefined)).toBeNull();
  });

  it('masks a row for roles without access and leaves other fields alone', () => {
    const row = { customer_id: 'c1', email: 'hana@example.com', first_name: 'Hana', last_name: 'Sato', city: 'Osaka' };
    expect(applyPiiPolicy('planner', row)).toBe(row);
    expect(applyPiiPolicy('marketer', row)).toEqual({ customer_id: 'c1', email: 'h***@e***.com', first_name: 'H***', last_name: 'S***', city: 'Osaka' });
    expect(row.email).toBe('hana@example.com');
    const noPii = { customer_id: 'c2', city: 'Kobe' };
    expect(applyPiiPolicy('manager', noPii)).toEqual({ customer_id: 'c2', city: 'Kobe' });
  });
});
