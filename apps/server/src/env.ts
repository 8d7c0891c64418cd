// The server's and CLI's configuration: process.env read once, here, and validated with zod.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** A SQLite file path, `:memory:`, or postgres://… */
  DATABASE_URL: z.string().min(1).default(resolve(repoRoot, 'data/kizuna.db')),
  /** Customers generated on first start when the database is empty; 0 starts with an empty workspace. */
  KIZUNA_DEMO_CUSTOMERS: z.coerce.number().int().min(0).max(10_000_000).default(20_000),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  KIZUNA_WEB_DIST: z.string().min(1).default(resolve(repoRoot, 'apps/web/dist')),
});

export type Env = z.infer<typeof envSchema>;

/** Validates an environment; empty variables count as unset. Throws one message listing every problem. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(present);
  if (!result.success) throw new Error(`Invalid environment:\n${z.prettifyError(result.error)}`);
  return result.data;
}

let cached: Env | null = null;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
