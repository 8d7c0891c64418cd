// The `kizuna` command line: parses arguments with commander and hands each command to its handler with
// an open, migrated database (global --db, else DATABASE_URL, else data/kizuna.db).
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { userRoles } from '@kizuna/db';
import { getEnv } from '../env';
import { demoCommand } from './demoCommand';
import { importCommand } from './importCommand';
import { registerSegmentCommands } from './segmentCommands';
import { withDatabase, type CliIo } from './io';
import { registerKpisCommand } from './kpisCommand';
import { statsCommand } from './statsCommand';
import { usersAddCommand, usersListCommand } from './usersCommand';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('Expected a whole number.');
  return n;
}

/** Runs one command line (without `node cli.ts`); resolves with the process exit code. */
export async function runCli(
  argv: string[],
  io: CliIo,
  defaultDatabaseUrl: () => string = () => getEnv().DATABASE_URL,
): Promise<number> {
  let exitCode = 0;
  const program = new Command('kizuna')
    .description('Kizuna: customer segmentation and retention dashboard')
    .option('--db <path|url>', 'SQLite file or postgres:// URL (default: $DATABASE_URL or data/kizuna.db)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  const databaseUrl = (cmd: Command): string => {
    const global = cmd.optsWithGlobals<{ db?: string }>();
    return global.db ?? defaultDatabaseUrl();
  };

  program
    .command('import')
    .description('Import CSV files (all or nothing); prints every bad row and exits 1 if there is any')
    .option('--customers <file>', 'customers.csv')
    .option('--orders <file>', 'orders.csv')
    .option('--events <file>', 'events.csv')
    .option('--products <file>', 'products.csv')
    .option('--strict', 'reject orders and events of customers that exist neither in the database nor in customers.csv', false)
    .action(async (opts: { customers?: string; orders?: string; events?: string; products?: string; strict: boolean }, cmd: Command) => {
      exitCode = await withDatabase(databaseUrl(cmd), (db) => importCommand(db, opts, io));
    });

  program
    .command('demo')
    .description('Generate demo customers, orders, events and products')
    .requiredOption('--customers <n>', 'number of customers', positiveInt)
    .option('--seed <s>', 'random seed, for reproducible data', positiveInt)
    .action(async (opts: { customers: number; seed?: number }, cmd: Command) => {
      exitCode = await withDatabase(databaseUrl(cmd), (db) => demoCommand(db, opts, io));
    });

  program
    .command('stats')
    .description('Show what the workspace holds')
    .option('--json', 'print JSON', false)
    .action(async (opts: { json: boolean }, cmd: Command) => {
      exitCode = await withDatabase(databaseUrl(cmd), (db) => statsCommand(db, opts, io));
    });

  registerKpisCommand(program, databaseUrl, io, (code) => (exitCode = code));

  registerSegmentCommands(program, { io, databaseUrl, setExitCode: (code) => (exitCode = code) });

  const users = program.command('users').description('Manage users');
  users
    .command('add')
    .description('Add a user')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--role <role>', 'role').choices(userRoles).makeOptionMandatory())
    .requiredOption('--password <password>', 'initial password (at least 8 characters)')
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      exitCode = await withDatabase(databaseUrl(cmd), (db) => usersAddCommand(db, opts, io));
    });
  users
    .command('list')
    .description('List users')
    .action(async (_opts: unknown, cmd: Command) => {
      exitCode = await withDatabase(databaseUrl(cmd), (db) => usersListCommand(db, io));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    throw err;
  }
  return exitCode;
}
