/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (alphabetical). A benchmark file either
 * runs when imported or exports a default async function, which is awaited. Figures are
 * printed; nothing here asserts a time. `npm run bench -- redirect` runs the matching files only.
 */
import { readdirSync } from 'node:fs';

const dir = new URL('./', import.meta.url);
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filters.length || filters.some((word) => f.includes(word)))
  .sort();
if (!files.length) {
  console.error(filters.length ? `No benchmark matches ${filters.join(', ')}` : 'No bench/*.bench.ts files found');
  process.exit(1);
}

let failed = 0;
for (const file of files) {
  console.log(`\n━━ ${file}`);
  const started = performance.now();
  try {
    const module = (await import(new URL(file, dir).href)) as { default?: unknown };
    if (typeof module.default === 'function') await (module.default as () => unknown)();
    console.log(`(${file}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  } catch (err) {
    failed++;
    console.error(`✖ ${file} failed:`, err);
  }
}
process.exit(failed ? 1 : 0);
