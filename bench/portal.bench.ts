import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Page } from 'playwright-core';
import { CHROME_ARGS } from '../scripts/find-chrome.mjs';
import { DEMO_CREDENTIALS } from '../server/demo/seed.js';
import { e2e, type E2E } from '../test/helpers/e2e.js';
import { report, type Figure } from './support/report.js';

/**
 * Issue 16, items 3 and 4: the portal's first view and pages that do not jump.
 *
 * 1. A signed-in reload of the demo's `/portal` in Chromium (playwright-core, 1280×800), RUNS
 *    times after a warm-up: the API calls (fetch/XHR to /api/) made before the overview's first
 *    figure is on screen, images from /api/ (the QR code) apart, and the browser's own timings —
 *    the navigation entry (response end, DOMContentLoaded, load), the moment the figure was
 *    rendered (found by polling every frame in the page, marked `pc:first-view`), and the
 *    layout shift seen until then (a `layout-shift` PerformanceObserver).
 * 2. Lighthouse 12 (its default mobile run, simulated throttling) on the demo's `/` and
 *    `/portal` as a first visit (signed out), the median of LIGHTHOUSE_RUNS (3) runs each:
 *    performance, accessibility, best practices, CLS.
 *
 * `npm run bench -- portal`; `portalFigures()` returns the figures. Nothing here asserts a time.
 */
const RUNS = 10;
/** Lighthouse runs per page: its score moves a few points from run to run, so the median run is reported (as Lighthouse's own docs advise). */
const LIGHTHOUSE_RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const VIEWPORT = { width: 1280, height: 800 };

export interface ReloadRun {
  apiCalls: string[];
  apiImages: number;
  responseEnd: number;
  domContentLoaded: number;
  load: number;
  firstView: number;
  cls: number;
}

export interface LighthouseFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  cls: number;
}

export interface PortalFigures {
  reload: { runs: ReloadRun[]; median: Omit<ReloadRun, 'apiCalls'> & { apiCalls: number } };
  lighthouse: Record<'/' | '/portal', LighthouseFigures & { scores: number[] }>;
}

/**
 * In the page from its first script on: records the layout shifts, and polls every frame for the
 * overview's first figure (in the page or in `<partner-center>`'s shadow root), marking when it
 * is there. A string, not a function: tsx's helpers (`__name`) do not exist in the page.
 */
export const WATCH_FIRST_VIEW = `(() => {
  const pc = (window.__pc = { cls: 0 });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput && pc.firstView === undefined) pc.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const figure = () => {
    const overview = document.querySelector('partner-overview') ?? document.querySelector('partner-center')?.shadowRoot?.querySelector('partner-overview');
    return overview?.shadowRoot?.querySelector('[part~="figure"]');
  };
  const poll = () => {
    if (figure()) pc.firstView = performance.mark('pc:first-view').startTime;
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

export async function signIn(env: E2E, page: Page) {
  await page.goto(`${env.url}/portal`);
  const center = page.locator('partner-center');
  await center.getByLabel('Partner code').fill(DEMO_CREDENTIALS.code);
  await center.getByLabel('Password', { exact: true }).fill(DEMO_CREDENTIALS.password);
  await center.getByLabel('Password', { exact: true }).press('Enter');
  await center.locator('partner-overview [part~="figure"]').first().waitFor();
}

export async function reloadOnce(page: Page): Promise<ReloadRun> {
  const apiCalls: string[] = [];
  let apiImages = 0;
  let shown = false;
  const onRequest = (request: import('playwright-core').Request) => {
    const url = new URL(request.url());
    if (shown || !url.pathname.startsWith('/api/')) return;
    if (['fetch', 'xhr'].includes(request.resourceType())) apiCalls.push(`${request.method()} ${url.pathname}`);
    else apiImages++;
  };
  page.on('request', onRequest);
  await page.reload();
  await page.waitForFunction(() => (window as unknown as { __pc: { firstView?: number } }).__pc.firstView !== undefined, undefined, { polling: 50 });
  shown = true;
  page.off('request', onRequest);
  const timings = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const pc = (window as unknown as { __pc: { cls: number; firstView: number } }).__pc;
    return { responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, firstView: pc.firstView, cls: pc.cls };
  });
  return { apiCalls, apiImages, ...timings };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The signed-in reload of /portal, `runs` times after a warm-up. */
export async function measureReload(env: E2E, runs = RUNS) {
  const context = await env.browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript({ content: WATCH_FIRST_VIEW });
    const page = await context.newPage();
    await signIn(env, page);
    await reloadOnce(page);
    const all: ReloadRun[] = [];
    for (let i = 0; i < runs; i++) all.push(await reloadOnce(page));
    const pick = (key: Exclude<keyof ReloadRun, 'apiCalls'>) => median(all.map((r) => r[key]));
    return {
      runs: all,
      median: {
        apiCalls: median(all.map((r) => r.apiCalls.length)),
        apiImages: pick('apiImages'),
        responseEnd: pick('responseEnd'),
        domContentLoaded: pick('domContentLoaded'),
        load: pick('load'),
        firstView: pick('firstView'),
        cls: pick('cls'),
      },
    };
  } finally {
    await context.close();
  }
}

/** Lighthouse's default (mobile) run of `url` in the system Chromium, started by chrome-launcher. */
export async function runLighthouse(url: string): Promise<LighthouseFigures> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: CHROME_ARGS,
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] });
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const { categories, audits } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    if (process.env.PORTAL_BENCH_VERBOSE) {
      for (const audit of Object.values(audits)) if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative') console.log(`    ${url}: ${audit.id} ${audit.score} ${audit.displayValue ?? ''}`);
    }
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      cls: Number((audits['cumulative-layout-shift']?.numericValue ?? Number.NaN).toFixed(3)),
    };
  } finally {
    chrome.kill();
  }
}

/** Lighthouse `runs` times on `url`: the run with the median performance score, and every run's score. */
export async function medianLighthouse(url: string, runs = LIGHTHOUSE_RUNS): Promise<LighthouseFigures & { scores: number[] }> {
  const all: LighthouseFigures[] = [];
  for (let i = 0; i < runs; i++) all.push(await runLighthouse(url));
  const sorted = [...all].sort((a, b) => a.performance - b.performance);
  return { ...sorted[Math.floor(sorted.length / 2)]!, scores: all.map((r) => r.performance) };
}

/** Every figure: the signed-in reload of /portal, then Lighthouse on `/` and `/portal`. */
export async function portalFigures(): Promise<PortalFigures> {
  const env = await e2e();
  try {
    const reload = await measureReload(env);
    const lighthouseFigures = {
      '/': await medianLighthouse(`${env.url}/`),
      '/portal': await medianLighthouse(`${env.url}/portal`),
    };
    return { reload, lighthouse: lighthouseFigures };
  } finally {
    await env.close();
  }
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

export default async function main() {
  const { reload, lighthouse: lh } = await portalFigures();
  const m = reload.median;
  console.log(`  signed-in reload of /portal in Chromium (${VIEWPORT.width}×${VIEWPORT.height}, loopback), median of ${RUNS}:`);
  console.log(`    API calls before the first view   ${m.apiCalls}   (${reload.runs[0]!.apiCalls.join(', ')}; plus ${m.apiImages} image(s) from /api/)`);
  console.log(`    navigation: response end ${ms(m.responseEnd)}, DOMContentLoaded ${ms(m.domContentLoaded)}, load ${ms(m.load)}`);
  console.log(`    overview figure rendered (pc:first-view)   ${ms(m.firstView)}   layout shift until then ${m.cls.toFixed(3)}`);
  console.log(`  Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version} (mobile, simulated throttling), first visit, the median of ${LIGHTHOUSE_RUNS} runs:`);
  for (const [page, f] of Object.entries(lh)) {
    console.log(`    ${page.padEnd(8)} performance ${f.performance}   accessibility ${f.accessibility}   best practices ${f.bestPractices}   CLS ${f.cls}   (performance in each run: ${f.scores.join(', ')})`);
  }
  report({
    title: 'The portal: a signed-in reload of /portal, and Lighthouse on the demo pages',
    command: 'npm run bench -- portal',
    figures: [
      { name: 'API calls before the first view (signed-in reload of /portal)', value: m.apiCalls, unit: 'calls', budget: { atMost: 4 } },
      { name: `first view rendered (the overview's figure, pc:first-view), median of ${RUNS}`, value: m.firstView, unit: 'ms', budget: { atMost: 200 } },
      { name: 'layout shift until the first view', value: m.cls, unit: '', budget: { atMost: 0.05 } },
      ...Object.entries(lh).flatMap(([page, f]): Figure[] => [
        { name: `Lighthouse ${page}: performance`, value: f.performance, unit: 'points', budget: { atLeast: 95 } },
        { name: `Lighthouse ${page}: accessibility`, value: f.accessibility, unit: 'points', budget: { atLeast: 100 } },
        { name: `Lighthouse ${page}: best practices`, value: f.bestPractices, unit: 'points', budget: { atLeast: 100 } },
        { name: `Lighthouse ${page}: cumulative layout shift`, value: f.cls, unit: '', budget: { atMost: 0.05 } },
      ]),
    ],
    notes: [`Chromium ${VIEWPORT.width}×${VIEWPORT.height} on loopback for the reload; Lighthouse in its default mobile run (simulated throttling), first visit, signed out; the median of ${LIGHTHOUSE_RUNS} runs per page (LIGHTHOUSE_RUNS).`],
  });
}
