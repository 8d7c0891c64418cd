// `kizuna segment count|overlap|export`: segment questions from the command line, printed as JSON (count,
// overlap) or written as CSV (export). Rules are JSON files in the segment rule language.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { countWhere, findLiveSegmentByName, type KizunaDb } from '@kizuna/db';
import { validateRule, type SegmentRule } from '@kizuna/segments';
import { DomainError, ValidationError } from '../errors';
import { computeOverlaps } from '../features/overlaps/service';
import { getSegmentEngine } from '../features/segments/engine';
import { exportSegmentCsv } from '../features/segments/export';
import { ruleErrorsJson } from '../features/segments/ruleErrors';
import { compileWhereFor, sqlRuleContext } from '../features/segments/sqlPath';
import { formatNumber, withDatabase, type CliIo } from './io';

export interface SegmentCommandContext {
  io: CliIo;
  databaseUrl: (cmd: Command) => string;
  setExitCode: (code: number) => void;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerSegmentCommands(program: Command, ctx: SegmentCommandContext): void {
  const segment = program.command('segment').description('Count, compare and export segments');
  const run = (cmd: Command, fn: (db: KizunaDb) => Promise<number>) =>
    withDatabase(ctx.databaseUrl(cmd), (db) => reportErrors(ctx.io, () => fn(db))).then(ctx.setExitCode);

  segment
    .command('count')
    .description('Count the customers a rule selects (JSON); exits 1 with the errors when the rule is invalid')
    .requiredOption('--rule <file>', 'rule as JSON')
    .option('--sql', 'count with the compiled SQL instead of the in-memory engine', false)
    .action((opts: { rule: string; sql: boolean }, cmd: Command) => run(cmd, (db) => countCommand(db, opts, ctx.io)));

  segment
    .command('overlap')
    .description('Overlaps of 2–12 rules and/or saved segments (JSON)')
    .option('--rule <file>', 'rule as JSON (repeat)', collect, [])
    .option('--segment <name>', 'saved segment (repeat)', collect, [])
    .action((opts: { rule: string[]; segment: string[] }, cmd: Command) => run(cmd, (db) => overlapCommand(db, opts, ctx.io)));

  segment
    .command('export')
    .description("Write a saved segment's members (id, contact fields, consent) to a CSV file")
    .requiredOption('--segment <name>', 'segment name (or id)')
    .requiredOption('--out <file>', 'CSV file to write')
    .action((opts: { segment: string; out: string }, cmd: Command) => run(cmd, (db) => exportCommand(db, opts, ctx.io)));
}

async function reportErrors(io: CliIo, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof RuleFileError) {
      io.err(`${err.message}\n`);
      return 2;
    }
    if (!(err instanceof DomainError)) throw err;
    io.err(`${err.message}\n`);
    if (err instanceof ValidationError) for (const [field, messages] of Object.entries(err.fieldErrors)) io.err(`  ${field}: ${messages.join('; ')}\n`);
    return 1;
  }
}

class RuleFileError extends Error {}

async function readRule(path: string): Promise<SegmentRule> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new RuleFileError(`Cannot read ${path}: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text) as SegmentRule;
  } catch (err) {
    throw new RuleFileError(`${path} is not JSON: ${(err as Error).message}`);
  }
}

const json = (io: CliIo, value: unknown) => io.out(`${JSON.stringify(value, null, 2)}\n`);

export async function countCommand(db: KizunaDb, opts: { rule: string; sql?: boolean }, io: CliIo): Promise<number> {
  const rule = await readRule(opts.rule);
  const started = performance.now();
  if (opts.sql) {
    const ctx = await sqlRuleContext(db);
    const errors = validateRule(rule, ctx.registry, { asOfDay: ctx.asOfDay, resolveSegment: (id) => ctx.rules.get(id) });
    if (errors.length > 0) return invalid(io, errors);
    const count = await countWhere(db, compileWhereFor(db, ctx, ctx.rules, rule));
    const total = await countWhere(db, () => ({ where: '1 = 1', params: [] }));
    json(io, { valid: true, engine: 'sql', asOfDate: ctx.asOfDate, total, count, share: total ? count / total : 0, tookMs: Math.round(performance.now() - started) });
    return 0;
  }
  const engine = await getSegmentEngine(db);
  const errors = await engine.validate(rule);
  if (errors.length > 0) return invalid(io, errors);
  const count = engine.evaluator.count(rule);
  const total = engine.data.size;
  json(io, { valid: true, engine: 'memory', asOfDate: engine.asOfDate, total, count, share: total ? count / total : 0, tookMs: Math.round(performance.now() - started) });
  return 0;
}

function invalid(io: CliIo, errors: Parameters<typeof ruleErrorsJson>[0]): number {
  json(io, { valid: false, errors: ruleErrorsJson(errors) });
  return 1;
}

export async function overlapCommand(db: KizunaDb, opts: { rule: string[]; segment: string[] }, io: CliIo): Promise<number> {
  const segmentIds: string[] = [];
  for (const name of opts.segment) {
    const found = await findLiveSegmentByName(db, name);
    if (!found) {
      io.err(`No segment named "${name}"\n`);
      return 1;
    }
    segmentIds.push(found.id);
  }
  const rules = await Promise.all(opts.rule.map(async (path) => ({ label: basename(path, extname(path)), rule: await readRule(path) })));
  const total = segmentIds.length + rules.length;
  if (total < 2 || total > 12) {
    io.err(`Compare 2 to 12 rules or segments (got ${total}).\n`);
    return 2;
  }
  json(io, await computeOverlaps(db, { segmentIds, rules }));
  return 0;
}

export async function exportCommand(db: KizunaDb, opts: { segment: string; out: string }, io: CliIo): Promise<number> {
  const result = await exportSegmentCsv(db, opts.segment, opts.out, null, 'cli');
  io.out(`Exported ${formatNumber(result.rows)} members of "${result.name}" (version ${result.version}, as of ${result.asOfDate}) to ${result.path}.\n`);
  return 0;
}
