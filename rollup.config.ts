import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import type { GetManualChunk, OutputBundle, Plugin, RollupOptions } from 'rollup';
import { recordChunks } from './scripts/dist-files.mjs';
import { precompress } from './scripts/precompress.mjs';
import { foldTemplates } from './scripts/template-text.mjs';

/** Every element's define file: components/<tag>/<tag>.ts → dist/components/<tag>.js */
const elements = readdirSync('components', { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name.startsWith('partner-'))
  .map((d) => d.name);

const input: Record<string, string> = {
  'partner-center': 'src/partner-center.ts',
  loader: 'src/loader.ts',
  ...Object.fromEntries(elements.map((tag) => [`components/${tag}`, `components/${tag}/${tag}.ts`])),
};

/** Lit's template text made smaller (scripts/template-text.mjs), on our modules only. */
function smallerTemplates(): Plugin {
  return {
    name: 'smaller-templates',
    transform(code, id) {
      if (id.includes('/node_modules/')) return null;
      const out = foldTemplates(code, (text) => this.parse(text));
      return out === null ? null : { code: out, map: null };
    },
  };
}

/** `PC_SOURCEMAP=1` writes `.map` files beside the partner bundles, for `node scripts/bundle-breakdown.mjs`. */
const sourcemap = Boolean(process.env.PC_SOURCEMAP);

/** `PC_OUT_DIR=<dir>` builds somewhere other than dist/ (to measure a change without touching the served build). */
const outDir = process.env.PC_OUT_DIR ?? 'dist';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/**
 * After rollup writes the files: `<file>.br` and `<file>.gz` beside each (what the server sends,
 * by Accept-Encoding), then, for each entry point, what a page that loads it downloads — min,
 * gzip and brotli as served, its static imports included. With `keepChunks`, records this
 * build's hashed chunks and prunes those of builds older than the last few (scripts/dist-files.mjs).
 */
function precompressAndReport(title: string, { keepChunks = false } = {}): Plugin {
  return {
    name: 'precompress-and-report',
    writeBundle(options, bundle: OutputBundle) {
      const dir = options.dir ?? 'dist';
      const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
      const sizes = precompress(dir, chunks.map((c) => c.fileName));
      if (keepChunks) {
        const hashed = chunks.filter((c) => c.fileName.startsWith('chunks/')).map((c) => c.fileName.slice('chunks/'.length));
        recordChunks(join(dir, 'chunks'), hashed);
      }
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const closure = (fileName: string, seen = new Set<string>()) => {
        if (seen.has(fileName)) return seen;
        seen.add(fileName);
        for (const dep of byName.get(fileName)?.imports ?? []) closure(dep, seen);
        return seen;
      };
      // each file travels compressed on its own, so sum the files' compressed sizes
      const total = (files: string[], key: 'raw' | 'gzip' | 'br') => files.reduce((n, f) => n + sizes.get(f)![key], 0);
      const rows = chunks
        .filter((c) => c.isEntry)
        .map((entry) => {
          const files = [...closure(entry.fileName)];
          return { file: entry.fileName, files: files.length, min: total(files, 'raw'), gzip: total(files, 'gzip'), br: total(files, 'br') };
        })
        .sort((a, b) => b.br - a.br);
      const width = Math.max(...rows.map((r) => r.file.length));
      const cell = (n: number) => kb(n).padStart(9);
      const lines = [
        `${title} — what a page downloads for each entry, shared chunks included (gzip and br as served):`,
        `  ${'entry'.padEnd(width)}  ${'files'.padStart(5)}  ${'min'.padStart(9)}  ${'gzip'.padStart(9)}  ${'br'.padStart(9)}`,
        ...rows.map((r) => `  ${r.file.padEnd(width)}  ${String(r.files).padStart(5)}  ${cell(r.min)}  ${cell(r.gzip)}  ${cell(r.br)}`),
      ];
      // PRODUCT.md's budgets, on the wire as the server serves them (brotli to every current browser)
      const over: string[] = [];
      const within = (what: string, n: number, limitKb: number) => {
        if (n > limitKb * 1024) over.push(`${what}: ${kb(n)} > ${limitKb} KB`);
        return `${kb(n)} (${n <= limitKb * 1024 ? 'within' : 'OVER'})`;
      };
      // everything a file can still fetch later (its lazy chunks and theirs), languages aside
      const isLocale = (f: string) => Boolean(byName.get(f)?.facadeModuleId?.includes('/src/locales/'));
      const withLazy = (fileName: string) => {
        const seen = closure(fileName);
        for (let grew = true; grew; ) {
          grew = false;
          for (const f of [...seen])
            for (const d of byName.get(f)?.dynamicImports ?? [])
              if (!seen.has(d) && !isLocale(d) && byName.has(d)) {
                closure(d, seen);
                grew = true;
              }
        }
        return [...seen];
      };
      const all = rows.find((r) => r.file === 'partner-center.js');
      if (all) {
        lines.push(`  budget: all elements ≤ 40 KB as served — now ${within('partner-center.js', all.br, 40)}; ${kb(all.gzip)} gzip`);
        const lazy = withLazy(all.file);
        if (lazy.length > 1) {
          const names = lazy.filter((f) => f !== all.file).map((f) => f.replace(/^chunks\/|-[\w-]{8}\.js$/g, ''));
          lines.push(`  partner-center.js + its lazy chunks (${names.join(', ')}): ${kb(total(lazy, 'br'))} br, ${kb(total(lazy, 'gzip'))} gzip — what a page that opens every view downloads`);
        }
      }
      const loader = rows.find((r) => r.file === 'loader.js');
      let pageSizes: Record<string, number> | undefined;
      const single = rows.filter((r) => r.file.startsWith('components/') && r.file !== 'components/partner-center.js');
      if (single.length) {
        // a page with one element: loader.js and that element's file with their static imports
        const page = single
          .map((r) => {
            const files = [...new Set([...closure(r.file), ...(loader ? closure(loader.file) : [])])];
            const lazy = [...new Set([...withLazy(r.file), ...files])];
            return { file: r.file, br: total(files, 'br'), lazy: total(lazy, 'br') };
          })
          .sort((a, b) => b.br - a.br);
        const largest = page[0]!;
        lines.push(
          `  budget: a page with one element (loader.js + the element's file and static imports) ≤ 20 KB as served — largest ${largest.file} ${within(`loader.js + ${largest.file}`, largest.br, 20)}` +
            (largest.lazy > largest.br ? `; with its lazy chunks ${kb(largest.lazy)}` : ''),
        );
        pageSizes = Object.fromEntries(page.map((p) => [p.file, p.br]));
        const over20 = page.filter((p) => p.br > 20 * 1024).map((p) => `${p.file.replace(/^components\/|\.js$/g, '')} ${kb(p.br)}`);
        if (over20.length > 1) lines.push(`    also over: ${over20.slice(1).join(', ')}`);
      }
      // a language's words: downloaded only by pages in that language, on top of the above
      for (const c of chunks.filter((c) => c.facadeModuleId?.includes('/src/locales/'))) {
        const s = sizes.get(c.fileName)!;
        lines.push(`  + ${c.fileName} (lazy, only on pages in that language): ${kb(s.raw)} min, ${kb(s.gzip)} gzip, ${kb(s.br)} br`);
      }
      console.log(lines.join('\n'));
      recordSizes(dir, { entries: Object.fromEntries(rows.map((r) => [r.file, { min: r.min, gzip: r.gzip, br: r.br }])), ...(pageSizes && { pages: pageSizes }) });
      if (over.length) {
        const bar = '!'.repeat(72);
        console.error(`\n${bar}\n!! OVER THE BUNDLE BUDGET (PRODUCT.md) — ${over.join('; ')}\n!! Find the weight (npm run build, then look at dist/), do not drop features.\n${bar}\n`);
      }
    },
  };
}

/**
 * `dist/.sizes.json` (a dotfile: never served): each build's entries (min, gzip, br as served,
 * static imports included) and, for the one-at-a-time build, each one-element page (loader.js +
 * the element, br). `npm run bench` reads it for bench/REPORT.md.
 */
function recordSizes(dir: string, sizes: { entries: Record<string, { min: number; gzip: number; br: number }>; pages?: Record<string, number> }) {
  const path = join(dir, '.sizes.json');
  const old = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as typeof sizes) : { entries: {} };
  writeFileSync(path, JSON.stringify({ entries: { ...old.entries, ...sizes.entries }, pages: { ...old.pages, ...sizes.pages } }, null, 2));
}

const plugins = (report: string, keepChunks = false) => [
  nodeResolve({ browser: true }),
  // TypeScript to JavaScript only (decorators as tsconfig.json sets them); `npm test` type-checks
  // everything with tsc first, and terser minifies below
  esbuild({ tsconfig: 'tsconfig.build.json', target: 'es2022', minify: false, sourceMap: sourcemap }),
  smallerTemplates(),
  terser({ ecma: 2022, module: true, compress: { passes: 3, unsafe_arrows: true, unsafe_methods: true }, format: { comments: false } }),
  precompressAndReport(report, { keepChunks }),
];

const onwarn: RollupOptions['onwarn'] = (warning, warn) => {
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

/** The element entries of the one-at-a-time build; `components/partner-center` is all of them together. */
const single = new Set(elements.filter((tag) => tag !== 'partner-center').map((tag) => resolve(`components/${tag}/${tag}.ts`)));

/**
 * The one-at-a-time build's chunking: one shared core holds the libraries most elements use
 * (lit, ky, @lit/task…) and the code of src/ that nearly every element uses (base class, client,
 * session, tokens; and, at 7 in 10, src/internal/lazy-part.ts with the states it renders: as a
 * chunk of its own it would cost each page that uses it more, compressed alone, than it costs the
 * few that do not inside the core). Any other module
 * is left to rollup, which puts it with the one element that uses it, or in a chunk shared by
 * exactly the elements that use it (the paging controller, period picker and CSV download of
 * <partner-ledger> and <partner-reports>), so a page pays only for what its elements use.
 */
const sharedCore: GetManualChunk = (id, { getModuleInfo }) => {
  // a language's table is its own lazy chunk (an English page never downloads the German words)
  if (id.includes('/src/locales/')) return undefined;
  if (!id.includes('/src/') && !id.includes('/node_modules/')) return undefined;
  // loaded only on demand (the device tokens, the unreachable-server probe…): its own lazy chunk
  const self = getModuleInfo(id);
  if (self && !self.importers.length && self.dynamicImporters.length) return undefined;
  // the single-element entries that load this module, statically or lazily
  const reached = new Set<string>();
  const seen = new Set<string>();
  const walk = (m: string) => {
    if (seen.has(m)) return;
    seen.add(m);
    if (single.has(m)) reached.add(m);
    const info = getModuleInfo(m);
    for (const importer of [...(info?.importers ?? []), ...(info?.dynamicImporters ?? [])]) walk(importer);
  };
  walk(id);
  // a library most elements use (lit, ky, @lit/task…) rides in the core; one only a few use
  // (lit's unsafeHTML and live directives) stays with them
  if (id.includes('/node_modules/')) return reached.size >= 0.75 * single.size ? 'core' : undefined;
  return reached.size >= 0.7 * single.size ? 'core' : undefined;
};

/**
 * Two builds:
 * - `dist/partner-center.js`: the script tag's file, every element in ONE file (one request,
 *   one gzip stream); only what is lazy anyway comes later from dist/chunks/ (the German words
 *   on a German page, the reports' leads/sales/links tabs when opened);
 * - `dist/loader.js` + `dist/components/<tag>.js`: one file per element over a shared core
 *   chunk (`dist/chunks/core-<hash>.js`) and the chunks {@link sharedCore} leaves to rollup,
 *   for pages that want only what they use.
 * Every file gets its `.br` and `.gz`; the chunks of the two builds before stay in dist/chunks.
 */
const config: RollupOptions[] = [
  {
    input: { 'partner-center': 'src/partner-center.ts' },
    output: {
      dir: outDir,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      // one file for every element; what loads lazily stays lazy: each language's words
      // (chunks/de-<hash>.js, German pages only) and the reports' other tabs (on first open)
      sourcemap,
    },
    plugins: plugins('The script tag (every element in one file; German words and report tabs lazy)', true),
    // the lazy chunks import from partner-center.js itself (no facade file in front of it)
    preserveEntrySignatures: 'allow-extension',
    onwarn,
  },
  {
    input: Object.fromEntries(Object.entries(input).filter(([name]) => name !== 'partner-center')),
    output: {
      dir: outDir,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks: sharedCore,
      sourcemap,
    },
    plugins: plugins('One element at a time (loader.js or components/<tag>.js, with the shared core)', true),
    // an element's lazy parts import from its file itself (no facade file in front of it)
    preserveEntrySignatures: 'allow-extension',
    onwarn,
  },
  // The merchant console (admin/): a build of its own, so no partner page ever downloads it.
  {
    input: { admin: 'admin/partner-admin.ts' },
    output: { dir: outDir, format: 'es', entryFileNames: '[name].js', inlineDynamicImports: true, sourcemap: false },
    plugins: plugins('The merchant console (/admin)'),
    onwarn,
  },
];

/** `PC_SKIP_ADMIN=1` builds the partner bundles only (quicker when measuring them). */
export default process.env.PC_SKIP_ADMIN ? config.slice(0, 2) : config;
