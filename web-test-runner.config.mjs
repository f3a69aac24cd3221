import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROME_ARGS, findChrome, NO_CHROME_MESSAGE } from './scripts/find-chrome.mjs';

const executablePath = findChrome();
if (!executablePath) throw new Error(NO_CHROME_MESSAGE);

/** Element tests in real headless Chromium. */
export default {
  files: ['test/components/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, args: CHROME_ARGS },
      // A page per browser context: each gets its own window, so none runs as a hidden tab
      // (hidden tabs never fire requestAnimationFrame, which fixtures of plain elements await).
      createPage: ({ browser }) => browser.createBrowserContext().then((context) => context.newPage()),
    }),
  ],
  concurrency: 2,
  testFramework: { config: { timeout: 15000 } },
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').includes('Lit is in dev mode'),
};
