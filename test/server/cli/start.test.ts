/**
 * How bin/partner-center.js starts the TypeScript server: bundled by esbuild into
 * node_modules/.cache/partner-center/, or, with PARTNER_CENTER_NO_BUNDLE=1 (or when that
 * cannot be done), through tsx — the same command either way.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../../bin/partner-center.js', import.meta.url));
const cache = fileURLToPath(new URL('../../../node_modules/.cache/partner-center/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'partner-center-start-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout, err: stderr });
    });
  });
}

describe('bin/partner-center.js', () => {
  it('runs the bundled server, and the same through tsx when asked', async () => {
    const bundled = await run(['--help']);
    const sources = await run(['--help'], { PARTNER_CENTER_NO_BUNDLE: '1' });
    assert.equal(bundled.code, 0, bundled.err);
    assert.equal(sources.code, 0, sources.err);
    assert.match(bundled.out, /partner-center <command> --help/);
    assert.equal(bundled.out, sources.out);
    assert.ok(existsSync(cache) && readdirSync(cache).some((name) => /^cli-[0-9a-f]{16}\.mjs$/.test(name)), 'no bundle in node_modules/.cache/partner-center/');
  });

  it('reads the files next to its modules from the sources’ folders (migrations) when bundled', async () => {
    const db = join(dir, 'start.sqlite');
    const migrated = await run(['migrate', '--db', db]);
    assert.equal(migrated.code, 0, migrated.err);
    assert.match(migrated.out, /from schema version 0 to \d+/);
    const again = await run(['migrate', '--db', db]);
    assert.match(again.out, /is up to date/);
  });

  it('a refused command exits non-zero with its message, bundled or not', async () => {
    for (const env of [{}, { PARTNER_CENTER_NO_BUNDLE: '1' }] as Record<string, string>[]) {
      const refused = await run(['no-such-command'], env);
      assert.notEqual(refused.code, 0);
      assert.match(refused.err, /Unknown command "no-such-command"/);
    }
  });
});
