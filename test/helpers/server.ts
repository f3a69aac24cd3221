import { createApp } from '../../server/app.js';
import { configSchema, type Config } from '../../server/config.js';
import type { Deps } from '../../server/deps.js';
import { createPartner, type NewPartner } from '../../server/partners/partners.js';
import { testDatabase } from './database.js';

/**
 * A fresh app over a throw-away database (in-memory SQLite, or PostgreSQL with PC_TEST_DB=postgres: see database.ts), with a clock the test moves by hand.
 * Requests go through `app.request()` (no socket).
 */
export async function testServer(overrides: Partial<Config> = {}) {
  const config: Config = { ...configSchema.parse({ databasePath: ':memory:' }), ...overrides };
  const db = await testDatabase();
  let now = Date.UTC(2026, 0, 15, 12, 0, 0);
  const deps: Deps = { db, config, clock: () => now };
  const app = createApp(deps);

  async function call(method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const res = await app.request(path, { method, headers, body });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text };
  }

  return {
    app,
    deps,
    db,
    call,
    /** Moves the clock forward. */
    advance(ms: number) {
      now += ms;
    },
    get now() {
      return now;
    },
    addPartner: (p: Partial<NewPartner> & { code: string }) =>
      createPartner(deps, { name: `Partner ${p.code}`, email: `${p.code}@example.com`, password: 'correct horse battery', ...p }),
    async login(code: string, password = 'correct horse battery') {
      const res = await call('POST', '/api/v1/auth/login', { body: { code, password } });
      if (res.status !== 200) throw new Error(`login ${code} failed: ${res.status} ${res.text}`);
      return res.json.token as string;
    },
    close: () => db.close(),
  };
}

export type TestServer = Awaited<ReturnType<typeof testServer>>;
