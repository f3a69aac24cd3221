/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (alphabetical), then writes the figures
 * they reported (bench/support/report.ts) to bench/REPORT.md and prints it. A benchmark file
 * either runs when imported or exports a default async function, which is awaited. Figures are
 * printed; nothing here asserts a time. `npm run bench -- redirect` runs the matching files only
 * and prints their report without rewriting bench/REPORT.md (BENCH_REPORT=<path> writes it there).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderReport, reportedSections } from './support/report.js';

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

const started = new Date();
const failures: { file: string; error: string }[] = [];
for (const file of files) {
  console.log(`\n━━ ${file}`);
  const t = performance.now();
  try {
    const module = (await import(new URL(file, dir).href)) as { default?: unknown };
    if (typeof module.default === 'function') await (module.default as () => unknown)();
    console.log(`(${file}: ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  } catch (err) {
    failures.push({ file, error: err instanceof Error ? err.message : String(err) });
    console.error(`✖ ${file} failed:`, err);
  }
}

const text = renderReport(reportedSections(), { started, seconds: (Date.now() - started.getTime()) / 1000, files, failures, filters });
const target = process.env.BENCH_REPORT ?? (filters.length ? undefined : fileURLToPath(new URL('REPORT.md', dir)));
console.log(`\n━━ report\n\n${text}`);
if (target) {
  writeFileSync(target, text);
  console.log(`(written to ${target})`);
} else console.log('(a partial run: bench/REPORT.md is left as it was; `npm run bench` runs everything and rewrites it)');
process.exit(failures.length ? 1 : 0);
