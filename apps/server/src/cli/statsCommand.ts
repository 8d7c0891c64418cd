// `kizuna stats [--json]`: what is in the workspace.
import { datasetStats, getSettings, type KizunaDb } from '@kizuna/db';
import { formatNumber, type CliIo } from './io';

export async function statsCommand(db: KizunaDb, options: { json?: boolean }, io: CliIo): Promise<number> {
  const stats = await datasetStats(db);
  if (options.json) {
    io.out(`${JSON.stringify(stats, null, 2)}\n`);
    return 0;
  }
  const { currency } = await getSettings(db);
  const rows: [string, string][] = [
    ['Database', db.description],
    ['Customers', formatNumber(stats.customers)],
    ['Orders', formatNumber(stats.orders)],
    ['Events', formatNumber(stats.events)],
    ['Products', formatNumber(stats.products)],
    ['Revenue', `${formatNumber(stats.revenue)} (minor units of ${currency})`],
    ['First order', stats.firstOrderDate ?? '—'],
    ['Last order', stats.lastOrderDate ?? '—'],
    ['As of', formatAsOf(stats.asOf)],
  ];
  for (const [label, value] of rows) io.out(`${label.padEnd(12)} ${value}\n`);
  return 0;
}

function formatAsOf(asOf: unknown): string {
  if (asOf && typeof asOf === 'object' && 'asOfDate' in asOf) {
    const a = asOf as { asOfDate: string; explicit?: boolean };
    return `${a.asOfDate}${a.explicit ? ' (set explicitly)' : ' (automatic)'}`;
  }
  return String(asOf);
}
