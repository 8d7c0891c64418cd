// `npm run bench [-- section…]`: prints medians, p95 and ratios. Sections: data, segments (default: all).
import { benchData } from './data.bench';

const sections: Record<string, () => Promise<void>> = {
  data: benchData,
};

const wanted = process.argv.slice(2);
for (const name of wanted.length ? wanted : Object.keys(sections)) {
  const run = sections[name];
  if (!run) throw new Error(`unknown bench section ${name}; known: ${Object.keys(sections).join(', ')}`);
  await run();
}
