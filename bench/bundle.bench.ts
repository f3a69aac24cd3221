/**
 * The browser bundles as the server serves them (brotli): the script tag's file with every
 * element, and each page that loads one element (loader.js + the element's file and its static
 * imports), against PRODUCT.md's budgets (≤ 40 KB and ≤ 20 KB). Builds dist/ first, then reads
 * the sizes the build recorded in dist/.sizes.json (rollup.config.ts).
 *
 * `npm run bench -- bundle`; where the bytes go: `PC_SOURCEMAP=1 npm run build && node scripts/bundle-breakdown.mjs`.
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { kilobytes, report, type Figure } from './support/report.js';

interface Sizes {
  entries: Record<string, { min: number; gzip: number; br: number }>;
  pages: Record<string, number>;
}

export default async function bundleBench(): Promise<void> {
  execSync('npm run --silent build', { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, PC_SOURCEMAP: '' } });
  const sizes = JSON.parse(readFileSync(new URL('../dist/.sizes.json', import.meta.url), 'utf8')) as Sizes;
  const full = sizes.entries['partner-center.js'];
  if (!full) throw new Error('the build recorded no partner-center.js');
  const loader = sizes.entries['loader.js'];
  const pages = Object.entries(sizes.pages).sort((a, b) => b[1] - a[1]);
  const figures: Figure[] = [
    { name: 'partner-center.js: every element (one script tag)', value: kilobytes(full.br), unit: 'KB', budget: { atMost: 40 }, note: `${kilobytes(full.gzip)} KB gzip` },
    ...(loader ? [{ name: 'loader.js alone', value: kilobytes(loader.br), unit: 'KB' }] : []),
    ...pages.map(([file, br]): Figure => ({ name: `page with one element: loader.js + ${file.replace(/^components\//, '')}`, value: kilobytes(br), unit: 'KB', budget: { atMost: 20 } })),
  ];
  const console_ = sizes.entries['admin.js'] ?? Object.entries(sizes.entries).find(([f]) => f.includes('admin'))?.[1];
  if (console_) figures.push({ name: 'the merchant console (its own bundle, never in the partner bundle)', value: kilobytes(console_.br), unit: 'KB' });
  report({ title: 'Bundle sizes as served (brotli)', command: 'npm run bench -- bundle (or npm run build, which prints the same)', figures });
}
