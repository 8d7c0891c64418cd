// `kizuna import --customers F --orders F [--events F] [--products F] [--strict]`: the same import the
// upload runs, with progress on stderr and the report on stdout. Exit code 1 when any row was bad.
import type { ImportReport, KizunaDb } from '@kizuna/db';
import { runImport, type ImportFilePaths } from '../features/data/service';
import { formatNumber, type CliIo } from './io';

export interface ImportCommandOptions extends ImportFilePaths {
  strict?: boolean;
}

const MAX_ERRORS_SHOWN = 50;

export async function importCommand(db: KizunaDb, options: ImportCommandOptions, io: CliIo): Promise<number> {
  const { strict, ...paths } = options;
  const files = Object.fromEntries(Object.entries(paths).filter(([, p]) => p)) as ImportFilePaths;
  if (Object.keys(files).length === 0) {
    io.err('Nothing to import: pass at least one of --customers, --orders, --events, --products.\n');
    return 2;
  }
  let lastPrint = 0;
  const report = await runImport(db, files, {
    strict,
    user: null,
    source: 'cli',
    onProgress: (p) => {
      const now = Date.now();
      if (now - lastPrint < (io.errIsTty ? 200 : 2000)) return;
      lastPrint = now;
      const pct = p.totalBytes ? ` ${Math.floor((100 * p.bytes) / p.totalBytes)}%` : '';
      const line = `${p.file ?? ''} ${p.phase}: ${formatNumber(p.rows)} rows${pct}`;
      io.err(io.errIsTty ? `\r\x1b[K${line}` : `${line}\n`);
    },
  });
  if (io.errIsTty) io.err('\r\x1b[K');
  printReport(report, files, io);
  return report.ok ? 0 : 1;
}

function printReport(report: ImportReport, files: ImportFilePaths, io: CliIo): void {
  const seconds = (report.durationMs / 1000).toFixed(1);
  if (report.ok) {
    io.out(`Import ${report.importId} succeeded in ${seconds} s.\n`);
    for (const [file, c] of Object.entries(report.counts)) {
      if (c.inserted + c.updated === 0 && !(file in files)) continue;
      io.out(`  ${file}: ${formatNumber(c.inserted)} inserted, ${formatNumber(c.updated)} updated\n`);
    }
    if (report.customersCreatedFromOrders > 0) {
      io.out(`  ${formatNumber(report.customersCreatedFromOrders)} customers created from orders.csv\n`);
    }
    return;
  }
  io.out(`Import ${report.importId} failed: ${formatNumber(report.errorCount)} bad rows, nothing was written.\n`);
  for (const e of report.errors.slice(0, MAX_ERRORS_SHOWN)) {
    const where = [e.file, e.line ? `line ${e.line}` : null, e.column ? `column ${e.column}` : null].filter(Boolean).join(', ');
    const value = e.value !== undefined && e.value !== null && e.value !== '' ? ` (value: ${JSON.stringify(e.value)})` : '';
    io.out(`  ${where}: ${e.reason}${value}\n`);
  }
  if (report.errorCount > MAX_ERRORS_SHOWN) io.out(`  … and ${formatNumber(report.errorCount - MAX_ERRORS_SHOWN)} more\n`);
}
