import { describe, expect, it } from 'vitest';
import { createTestDb } from './testing';
import { usersCases } from './users.cases';
import { hashPassword, verifyPassword } from './users';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('correct horse');
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horsE', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash and never stores the password', async () => {
    const a = await hashPassword('same password');
    const b = await hashPassword('same password');
    expect(a).not.toBe(b);
    expect(a).not.toContain('same password');
    expect(a).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('same password', b)).toBe(true);
  });

  it('treats malformed hashes as a mismatch', async () => {
    for (const stored of ['', 'plain', 'scrypt$1$2$3$$', 'bcrypt$16384$8$1$AAAA$AAAA', 'scrypt$x$8$1$AAAA$AAAA']) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
  });

  it('normalizes Unicode so the same password typed differently still matches', async () => {
    const hash = await hashPassword('ｐａｓｓ');
    expect(await verifyPassword('pass', hash)).toBe(true);
  });
});

describe('SQLite', () => {
  usersCases(createTestDb);
});
