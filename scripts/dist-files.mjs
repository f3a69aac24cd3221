#!/usr/bin/env node
// What survives a rebuild of dist/. Entry files (partner-center.js, loader.js, components/*.js)
// are rewritten by every build; the hashed chunks in dist/chunks/ are kept for the builds after
// theirs, so a page (or a browser cache) still holding an older component file can load the
// chunk it asks for after an upgrade built in place. `node scripts/dist-files.mjs` cleans dist/
// before a build (the chunks stay); rollup.config.ts calls recordChunks() after it.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** How many builds' chunks dist/chunks/ holds: this one and the two before it. */
export const KEEP_BUILDS = 3;
const RECORD = '.builds.json';

/** Removes everything in `dir` except its chunks/ folder. */
export function cleanDist(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) if (entry !== 'chunks') rmSync(join(dir, entry), { recursive: true, force: true });
}

/**
 * Records `files` (names inside `chunksDir`, e.g. `core-1a2b3c4d.js`) as the newest build's
 * chunks, then deletes every file there (with its .br and .gz) that none of the last
 * `keep` builds uses. Returns the names deleted.
 */
export function recordChunks(chunksDir, files, keep = KEEP_BUILDS) {
  const recordPath = join(chunksDir, RECORD);
  let builds = [];
  try {
    builds = JSON.parse(readFileSync(recordPath, 'utf8'));
  } catch {
    // first build, or a dist/ from before the record: keep only this build's chunks
  }
  builds = [...builds, { builtAt: new Date().toISOString(), files }].slice(-keep);
  writeFileSync(recordPath, `${JSON.stringify(builds, null, 2)}\n`);
  const wanted = new Set(builds.flatMap((b) => b.files));
  const deleted = [];
  for (const name of readdirSync(chunksDir)) {
    if (name === RECORD || wanted.has(name.replace(/\.(?:br|gz|map)$/, ''))) continue;
    rmSync(join(chunksDir, name), { force: true });
    deleted.push(name);
  }
  return deleted;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) cleanDist(process.argv[2] ?? 'dist');
