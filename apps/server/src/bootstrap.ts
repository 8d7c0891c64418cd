// First start: an empty workspace gets demo data, and every start makes sure one demo user per role exists
// so anyone can sign in and look around.
import { invalidateKpiCache } from './features/kpis/cache';
import { createUser, findUserByEmail, generateDemo, type KizunaDb, type Role } from '@kizuna/db';

export const demoUsers: readonly { email: string; name: string; role: Role; password: string }[] = [
  { email: 'admin@kizuna.example', name: 'Demo Admin', role: 'admin', password: 'kizuna-admin' },
  { email: 'marketer@kizuna.example', name: 'Demo Marketer', role: 'marketer', password: 'kizuna-marketer' },
  { email: 'planner@kizuna.example', name: 'Demo Planner', role: 'planner', password: 'kizuna-planner' },
  { email: 'manager@kizuna.example', name: 'Demo Manager', role: 'manager', password: 'kizuna-manager' },
];

export interface EnsureDemoOptions {
  /** Customers to generate when the workspace has none; 0 leaves it empty. */
  customers: number;
  seed?: number;
  log: (message: string) => void;
}

export interface EnsureDemoResult {
  generatedCustomers: number;
  createdUsers: string[];
}

export async function ensureDemoWorkspace(db: KizunaDb, options: EnsureDemoOptions): Promise<EnsureDemoResult> {
  const { n } = await db.kysely
    .selectFrom('customers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let generatedCustomers = 0;
  if (Number(n) === 0 && options.customers > 0) {
    options.log(`The workspace is empty: generating demo data for ${options.customers} customers…`);
    const result = await generateDemo(db, { customers: options.customers, seed: options.seed });
    generatedCustomers = result.customers;
    // Fit the purchase models now so predicted fields (p_alive, predicted CLV) are there for the first segment.
    await invalidateKpiCache(db);
    options.log(
      `Demo data ready in ${(result.durationMs / 1000).toFixed(1)} s: ${result.customers} customers, ` +
        `${result.orders} orders, ${result.events} events, ${result.products} products.`,
    );
  }

  const createdUsers: string[] = [];
  for (const user of demoUsers) {
    if (await findUserByEmail(db, user.email)) continue;
    await createUser(db, user);
    createdUsers.push(user.email);
  }
  options.log('Demo sign-ins (change or disable them in Settings → Users before sharing this workspace):');
  for (const user of demoUsers) {
    const note = createdUsers.includes(user.email) ? '' : '  (already existed; password unchanged if edited)';
    options.log(`  ${user.role.padEnd(8)} ${user.email.padEnd(26)} ${user.password}${note}`);
  }
  return { generatedCustomers, createdUsers };
}
