import { describe, expect, it } from 'vitest';
import { emptyNewUser, newUserInput } from './userForm';

const messages = (value: unknown) => {
  const result = newUserInput.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('newUserInput', () => {
  it('accepts a complete user and trims the name and email', () => {
    const parsed = newUserInput.parse({ name: ' Aiko ', email: ' aiko@kizuna.example ', role: 'planner', password: 'long-enough' });
    expect(parsed).toEqual({ name: 'Aiko', email: 'aiko@kizuna.example', role: 'planner', password: 'long-enough' });
  });

  it('explains every missing field with a translation key', () => {
    expect(messages(emptyNewUser)).toEqual([
      'name: users.errors.name',
      'email: users.errors.email',
      'password: users.errors.password',
    ]);
  });

  it('rejects unknown roles and short passwords', () => {
    const user = { name: 'A', email: 'a@b.example', role: 'owner', password: 'short' };
    expect(messages(user)).toEqual(['role: users.errors.role', 'password: users.errors.password']);
  });
});
