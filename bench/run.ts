// `npm run bench [-- section…]`: prints medians, p95 and ratios for each section (default: all of them).
// Sections that need the 1M-customer database build it once and cache it in .cache/ (see benchDb.ts).
import { benchData } from './data.bench';
import { benchKpis } from './kpis.bench';
import { benchLoadStall } from './loadStall.bench';
import { benchMatrix } from './matrix.bench';
import { benchMatrixDb } from './matrixDb.bench';
import { benchSegments } from './segments.bench';
import { benchSegmentsDb } from './segmentsDb.bench';

const sections: Record<string, () => Promise<void>> = {
  segments: benchSegments,
  'segments-db': benchSegmentsDb,
  matrix: benchMatrix,
  'matrix-db': benchMatrixDb,
  kpis: benchKpis,
  data: benchData,
  'load-stall': benchLoadStall,
};

const wanted = process.argv.slice(2);
for (const name of wanted.length ? wanted : Object.keys(sections)) {
  const run = sections[name];
  if (!run) throw new Error(`unknown bench section ${name}; known: ${Object.keys(sections).join(', ')}`);
  await run();
}
