// `kizuna demo --customers N [--seed S]`: fills the workspace with generated demo data.
import { generateDemo, type KizunaDb } from '@kizuna/db';
import { invalidateKpiCache } from '../features/kpis/cache';
import { formatNumber, type CliIo } from './io';

export async function demoCommand(db: KizunaDb, options: { customers: number; seed?: number }, io: CliIo): Promise<number> {
  io.err(`Generating demo data for ${formatNumber(options.customers)} customers…\n`);
  let lastPrint = 0;
  const result = await generateDemo(db, {
    customers: options.customers,
    seed: options.seed,
    onProgress: (p) => {
      const now = Date.now();
      if (now - lastPrint < (io.errIsTty ? 200 : 2000) && p.phase !== 'done') return;
      lastPrint = now;
      const line = `${p.phase}: ${formatNumber(p.done)} / ${formatNumber(p.total)}`;
      io.err(io.errIsTty ? `\r\x1b[K${line}` : `${line}\n`);
    },
  });
  if (io.errIsTty) io.err('\n');
  io.err('Fitting the purchase models for predicted fields…\n');
  await invalidateKpiCache(db);
  io.out(
    `Demo data ready in ${(result.durationMs / 1000).toFixed(1)} s: ${formatNumber(result.customers)} customers, ` +
      `${formatNumber(result.orders)} orders, ${formatNumber(result.events)} events, ${formatNumber(result.products)} products.\n`,
  );
  return 0;
}
