import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROME_ARGS, findChrome, NO_CHROME_MESSAGE } from '../../scripts/find-chrome.mjs';
import { configSchema, type Config } from '../../server/config.js';
import { DEMO_CREDENTIALS } from '../../server/demo/seed.js';
import { PACKAGE_ROOT, startServer, type RunningServer } from '../../server/main.js';
import { testDatabaseLocation } from './database.js';

/**
 * The real server on a free port over a fresh temporary SQLite file (or, with PC_TEST_DB=postgres,
 * a fresh PostgreSQL database: testDatabaseLocation()), seeded with the demo,
 * and the system Chromium driven by playwright-core. Needs `npm run build` first (dist/).
 */
export async function e2e(overrides: Partial<Config> = {}) {
  if (!existsSync(join(PACKAGE_ROOT, 'dist/partner-center.js'))) throw new Error('Run "npm run build" before the end-to-end tests');
  const executablePath = findChrome();
  if (!executablePath) throw new Error(NO_CHROME_MESSAGE);
  const dir = mkdtempSync(join(tmpdir(), 'partner-center-e2e-'));
  const location = await testDatabaseLocation(dir);
  const config: Config = {
    ...configSchema.parse({}),
    port: 0,
    host: '127.0.0.1',
    ...location.config,
    demo: true,
    ...overrides,
  };
  const server: RunningServer = await startServer(config, { quiet: true });
  const browser: Browser = await chromium.launch({
    executablePath,
    args: CHROME_ARGS.filter((a) => !a.startsWith('--headless')),
  });
  const errors: string[] = [];

  return {
    server,
    url: server.url.replace('localhost', '127.0.0.1'),
    browser,
    /** Page errors and console errors seen so far, for asserting a clean run. */
    errors,
    async page(): Promise<Page> {
      const context = await browser.newContext({ acceptDownloads: true });
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      return page;
    },
    /** A fresh page on the demo page, signed in as the demo partner through its <partner-login>. */
    async signedInDemoPage(): Promise<Page> {
      const page = await this.page();
      await page.goto(`${this.url}/`);
      const login = page.locator('partner-login').first();
      await login.getByLabel('Partner code').fill(DEMO_CREDENTIALS.code);
      await login.getByLabel('Password', { exact: true }).fill(DEMO_CREDENTIALS.password);
      await login.getByLabel('Password', { exact: true }).press('Enter');
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      await location.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type E2E = Awaited<ReturnType<typeof e2e>>;
