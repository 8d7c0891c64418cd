// `kizuna kpis [--json] [--as-of DATE]`: every KPI of the workspace as of its as-of date (or DATE, without
// changing the setting); a readable summary, or the full report as JSON.
import { currencyExponent, isoDateString, type KizunaDb } from '@kizuna/db';
import type { Ratio } from '@kizuna/metrics';
import type { Command } from 'commander';
import { formatNumber, withDatabase, type CliIo } from './io';
import { kpiReport, ratioText, type KpiReport } from './kpisReport';

export interface KpisCommandOptions {
  json?: boolean;
  asOf?: string;
}

export async function kpisCommand(db: KizunaDb, options: KpisCommandOptions, io: CliIo): Promise<number> {
  if (options.asOf !== undefined && !isoDateString.safeParse(options.asOf).success) {
    io.err(`--as-of expects a date as YYYY-MM-DD, got ${JSON.stringify(options.asOf)}.\n`);
    return 2;
  }
  const report = await kpiReport(db, options.asOf);
  if (options.json) {
    io.out(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  const lines = summaryLines(report);
  const width = Math.max(...lines.map(([label]) => label.length));
  for (const [label, value] of lines) io.out(`${label.padEnd(width)}  ${value}\n`);
  return 0;
}

function frequency(r: Ratio): string {
  if (r.value === null) return '–';
  return `${r.value.toFixed(2)} orders per customer (${formatNumber(r.numerator)} orders, ${formatNumber(r.denominator)} customers)`;
}

function summaryLines(report: KpiReport): [string, string][] {
  const k = report.kpis as Record<string, Record<string, unknown>> & { customers: number };
  // Money is kept in minor units; shown here, at the edge, in the currency.
  const currency = new Intl.NumberFormat('en-US', { style: 'currency', currency: report.currency });
  const money = (n: unknown) => (typeof n === 'number' ? currency.format(n / 10 ** currencyExponent(report.currency)) : '–');
  const r = (x: unknown, percent = true) => ratioText(x as Ratio, percent);
  const model = report.model;
  return [
    ['As of', `${report.asOfDate}${report.asOfDate === report.workspaceAsOfDate ? '' : ` (workspace: ${report.workspaceAsOfDate})`}`],
    ['Data through', report.dataThroughDate ?? '–'],
    ['Customers', formatNumber(k.customers)],
    ['Active customers, last 30 days', formatNumber(k.active_customers!.last30Days as number)],
    ['Active customers, last 365 days', formatNumber(k.active_customers!.last365Days as number)],
    ['Repeat-purchase rate', r(k.repeat_purchase_rate!.allHistory)],
    ['Revenue, last 365 days', money(k.revenue!.last365Days)],
    ['AOV, last 365 days', money((k.aov!.last365Days as Ratio).value)],
    ['Purchase frequency, last 365 days', frequency(k.purchase_frequency!.last365Days as Ratio)],
    ['Revenue per customer (all history)', money((k.revenue_per_customer!.allHistory as Ratio).value)],
    ['CSAT, last 365 days', r((k.csat!.last365Days as { share: Ratio }).share)],
    ['Membership retention, 365 days', r((k.membership_retention!.last365Days as { retention: Ratio }).retention)],
    ['Probability alive, mean', model.meanPAlive === null ? '–' : model.meanPAlive.toFixed(3)],
    ['At risk (P(alive) < 0.3)', formatNumber(model.atRisk)],
    [`Predicted CLV, ${model.horizonDays} days, mean`, money(k.predicted_clv!.mean)],
    ['Model', model.available ? 'BG/NBD + Gamma-Gamma fitted' : `not fitted: ${model.reason}`],
  ];
}

/** Adds the command to the program; `setExitCode` receives what the command returns. */
export function registerKpisCommand(program: Command, databaseUrl: (cmd: Command) => string, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command('kpis')
    .description('Print every KPI as of the as-of date (or --as-of, without changing the setting)')
    .option('--json', 'print the full report as JSON', false)
    .option('--as-of <date>', 'compute as of this date (YYYY-MM-DD)')
    .action(async (opts: KpisCommandOptions, cmd: Command) => {
      setExitCode(await withDatabase(databaseUrl(cmd), (db) => kpisCommand(db, opts, io)));
    });
}
