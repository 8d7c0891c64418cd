import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv, repoRoot } from './env';

describe('parseEnv', () => {
  it('fills defaults relative to the repository root', () => {
    expect(parseEnv({})).toEqual({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATABASE_URL: join(repoRoot, 'data/kizuna.db'),
      KIZUNA_DEMO_CUSTOMERS: 20_000,
      NODE_ENV: 'development',
      KIZUNA_WEB_DIST: join(repoRoot, 'apps/web/dist'),
    });
  });

  it('reads given values, treating empty ones as unset', () => {
    const env = parseEnv({ PORT: '8080', HOST: '', DATABASE_URL: 'postgres://u@h/db', KIZUNA_DEMO_CUSTOMERS: '0', NODE_ENV: 'production' });
    expect(env).toMatchObject({ PORT: 8080, HOST: '127.0.0.1', DATABASE_URL: 'postgres://u@h/db', KIZUNA_DEMO_CUSTOMERS: 0, NODE_ENV: 'production' });
  });

  it('names every bad variable in one error', () => {
    expect(() => parseEnv({ PORT: 'eighty', NODE_ENV: 'staging' })).toThrow(/PORT[\s\S]*NODE_ENV|NODE_ENV[\s\S]*PORT/);
  });
});
