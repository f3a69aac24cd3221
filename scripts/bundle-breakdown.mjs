#!/usr/bin/env node
/**
 * Where the bytes of a minified bundle come from, per source file.
 *
 *   PC_SKIP_ADMIN=1 PC_SOURCEMAP=1 npm run build
 *   node scripts/bundle-breakdown.mjs [dist/partner-center.js dist/chunks/core-*.js …] [--top 40] [--by-package]
 *
 * With no file given: dist/partner-center.js and the newest dist/chunks/core-*.js. For each file it
 * reads `<file>.map` and gives every byte of the minified code to the source that the mapping
 * covering it names (bytes before the first mapping of a line, or with no source, are "unmapped").
 * Columns: minified bytes, their share, and "br alone" — that source's minified bytes compressed
 * with brotli on their own (an upper bound: together they compress better; the file's real brotli
 * size is printed in the header). node_modules are grouped by package with --by-package.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { SourceMapConsumer } from 'source-map';

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const top = Number(flag('--top') ?? 40);
const byPackage = args.includes('--by-package');
const files = args.filter((a) => !a.startsWith('--'));

if (!files.length) {
  files.push('dist/partner-center.js');
  const cores = readdirSync('dist/chunks')
    .filter((f) => /^core-.*\.js$/.test(f) && existsSync(join('dist/chunks', `${f}.map`)))
    .map((f) => join('dist/chunks', f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (cores[0]) files.push(cores[0]);
}

const br = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** `../node_modules/lit-html/x.js` → `lit-html` (with --by-package), else a path relative to the repository. */
function label(source) {
  const clean = source.replace(/^(\.\.\/)+/, '').replace(/^webpack:\/\/\//, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = clean.slice(nm + 'node_modules/'.length).split('/');
    const pkg = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    return byPackage ? `node_modules/${pkg}` : `node_modules/${rest.join('/')}`;
  }
  return clean;
}

for (const file of files) {
  const mapFile = `${file}.map`;
  if (!existsSync(mapFile)) {
    console.error(`${mapFile} is missing: build with PC_SOURCEMAP=1 first`);
    process.exitCode = 1;
    continue;
  }
  const code = readFileSync(file, 'utf8');
  const lines = code.split('\n');
  const raw = JSON.parse(readFileSync(mapFile, 'utf8'));
  const perSource = new Map(); // label → array of code pieces

  await SourceMapConsumer.with(raw, null, (consumer) => {
    const mappings = [];
    consumer.eachMapping((m) => mappings.push(m), null, SourceMapConsumer.GENERATED_ORDER);
    const add = (name, text) => {
      if (!text) return;
      const list = perSource.get(name) ?? [];
      list.push(text);
      perSource.set(name, list);
    };
    let m = 0;
    for (let line = 1; line <= lines.length; line++) {
      const text = lines[line - 1];
      const onLine = [];
      while (m < mappings.length && mappings[m].generatedLine === line) onLine.push(mappings[m++]);
      let col = 0;
      let owner = '(unmapped)';
      for (const mapping of onLine) {
        add(owner, text.slice(col, mapping.generatedColumn));
        col = mapping.generatedColumn;
        owner = mapping.source ? label(relative(process.cwd(), join(file, '..', mapping.source)) || mapping.source) : '(unmapped)';
      }
      add(owner, text.slice(col) + '\n');
    }
  });

  const rows = [...perSource]
    .map(([name, pieces]) => {
      const text = pieces.join('');
      const bytes = Buffer.byteLength(text);
      return { name, bytes, br: br(Buffer.from(text)) };
    })
    .sort((a, b) => b.bytes - a.bytes);
  const total = rows.reduce((n, r) => n + r.bytes, 0);
  const width = Math.min(70, Math.max(...rows.slice(0, top).map((r) => r.name.length)));
  console.log(`\n${file}: ${kb(Buffer.byteLength(code))} min, ${kb(br(Buffer.from(code)))} br (${rows.length} sources)`);
  console.log(`  ${'source'.padEnd(width)}  ${'min'.padStart(9)}  ${'share'.padStart(6)}  ${'br alone'.padStart(9)}`);
  for (const r of rows.slice(0, top)) {
    console.log(`  ${r.name.slice(-width).padEnd(width)}  ${kb(r.bytes).padStart(9)}  ${`${((100 * r.bytes) / total).toFixed(1)}%`.padStart(6)}  ${kb(r.br).padStart(9)}`);
  }
  if (rows.length > top) {
    const rest = rows.slice(top).reduce((n, r) => n + r.bytes, 0);
    console.log(`  ${`(${rows.length - top} more)`.padEnd(width)}  ${kb(rest).padStart(9)}  ${`${((100 * rest) / total).toFixed(1)}%`.padStart(6)}`);
  }
  // by folder: components/<tag>, src/<dir>, node_modules/<pkg>
  const folders = new Map();
  for (const r of rows) {
    const parts = r.name.split('/');
    const key = parts[0] === 'node_modules' ? `node_modules/${parts[1].startsWith('@') ? `${parts[1]}/${parts[2]}` : parts[1]}` : parts.length > 2 ? parts.slice(0, 2).join('/') : parts[0];
    folders.set(key, (folders.get(key) ?? 0) + r.bytes);
  }
  console.log(`  by folder or package:`);
  for (const [name, bytes] of [...folders].sort((a, b) => b[1] - a[1])) {
    console.log(`    ${name.padEnd(40)} ${kb(bytes).padStart(9)}  ${`${((100 * bytes) / total).toFixed(1)}%`.padStart(6)}`);
  }
}
