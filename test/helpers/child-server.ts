import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../server/main.js';

export const CHILD_ADMIN_KEY = 'child-admin-key-0123456789abcdef';

export interface ChildServer {
  url: string;
  child: ChildProcess;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code and signal once the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `bin/partner-center.js serve` in a child process on a free port over `dbPath`; resolves once it listens. */
export async function spawnServer(dbPath: string, args: string[] = [], env: Record<string, string> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin/partner-center.js'), 'serve', '--db', dbPath, '--port', '0', '--host', '127.0.0.1', ...args], {
    cwd: PACKAGE_ROOT,
    env: { ...process.env, PARTNER_CENTER_ADMIN_KEY: CHILD_ADMIN_KEY, PUBLIC_URL: 'http://partners.test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const port = /listening on http:\/\/[^:\s]+:(\d+)/.exec(output)?.[1];
      if (port) {
        child.stdout!.off('data', check);
        resolve(`http://127.0.0.1:${port}`);
      }
    };
    child.stdout!.on('data', check);
    void exited.then(({ code, signal }) => reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`)));
  });
  return { url, child, output: () => output, exited };
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/**
 * One HTTP request; `bodyParts` are written with `gapMs` between them (the request is in flight
 * meanwhile). With `bodyParts` > 1 the request asks `Expect: 100-continue` and writes its body
 * only once the server answered 100 — proof the server has taken the request in, so
 * `onFirstPart` is called for a request the server is certainly handling.
 */
export function httpRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown; agent?: Agent | false; bodyParts?: number; gapMs?: number; onFirstPart?: () => void } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
    const headers: Record<string, string> = { ...options.headers };
    if (body) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = String(body.length);
    }
    const parts = options.bodyParts ?? 1;
    if (parts > 1) headers.Expect = '100-continue';
    const req = request(url, { method: options.method ?? 'GET', headers, agent: options.agent ?? false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('error', reject);
      res.on('end', () => {
        let json: any;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode!, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (!body) {
      req.end();
      return;
    }
    const size = Math.ceil(body.length / parts);
    let i = 0;
    const next = () => {
      if (req.destroyed) return;
      const part = body.subarray(i * size, (i + 1) * size);
      i++;
      if (i >= parts) req.end(part);
      else {
        req.write(part, () => {
          if (i === 1) options.onFirstPart?.();
        });
        setTimeout(next, options.gapMs ?? 0).unref();
      }
    };
    if (parts > 1) {
      req.once('continue', next);
      req.flushHeaders();
    } else next();
  });
}

/** The admin API of a child server, with the usual cast: a program, partners enrolled in it and one link. */
export function adminClient(url: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await httpRequest(`${url}${path}`, { method, body, headers: { Authorization: `Bearer ${CHILD_ADMIN_KEY}` } });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.json;
  };
  return {
    call,
    async setup(codes: string[], slug = 'shop') {
      const program = await call('POST', '/api/v1/admin/programs', { name: 'Standard', description: '', priority: 0, saleCommission: { type: 'percent', value: 1000 }, holdDays: 0 });
      for (const code of codes) {
        await call('POST', '/api/v1/admin/partners', { code, name: `Partner ${code}`, email: `${code}@partners.example`, password: 'partner-password', programIds: [program.id] });
      }
      await call('POST', '/api/v1/admin/links', { slug, name: 'Shop', destination: 'https://shop.example.com/' });
    },
  };
}
