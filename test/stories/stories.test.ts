/**
 * Every story of the built Storybook (storybook-static/, from `npm run build-storybook`) in
 * headless Chromium: it renders, its play function passes, nothing is logged as an error,
 * every custom element rendered its shadow content, and axe finds no WCAG 2.2 A/AA violation.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { WCAG_TAGS } from '../../.storybook/wcag.js';
import { CHROME_ARGS, findChrome, NO_CHROME_MESSAGE } from '../../scripts/find-chrome.mjs';
import { serveStatic, type StaticServer } from './static-server.js';

const staticDir = new URL('../../storybook-static/', import.meta.url);
const indexFile = new URL('index.json', staticDir);
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

function readEntries(): IndexEntry[] {
  if (!existsSync(indexFile)) return [];
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as { entries?: Record<string, IndexEntry> };
  return Object.values(index.entries ?? {});
}

const entries = readEntries();
const stories = entries.filter((entry) => entry.type === 'story');

describe('stories', { concurrency: Math.min(4, availableParallelism()) }, () => {
  let server: StaticServer;
  let browser: Browser;
  let pages: StoryPages;

  before(async () => {
    const executablePath = findChrome();
    if (!executablePath) throw new Error(NO_CHROME_MESSAGE);
    server = await serveStatic(staticDir);
    browser = await chromium.launch({ executablePath, args: CHROME_ARGS });
    pages = new StoryPages(await browser.newContext(), server.url);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('storybook-static/index.json lists stories', () => {
    assert.ok(existsSync(indexFile), 'storybook-static/index.json is missing: run `npm run build-storybook` first');
    assert.ok(stories.length > 0, 'storybook-static/index.json holds no stories');
  });

  for (const story of stories) {
    it(`${story.title} › ${story.name}`, { timeout: 60_000 }, async () => {
      const preview = await pages.take();
      let healthy = false;
      try {
        const { page, problems } = preview;
        problems.length = 0;
        // as when a designer picks the story in Storybook's sidebar: the preview switches story in
        // place, running the last story's cleanup; the page's storage starts empty, as in a new tab
        await page.evaluate((storyId) => {
          sessionStorage.clear();
          localStorage.clear();
          const preview = (window as unknown as { __STORYBOOK_PREVIEW__: { channel: { emit(event: string, args: object): void } } })
            .__STORYBOOK_PREVIEW__;
          preview.channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
        }, story.id);
        const phase = await waitForStory(page, story.id).catch((error: Error) => {
          throw new Error(`the story did not finish rendering: ${error.message}\n${problems.join('\n')}`);
        });

        const shown = await page.evaluate(() => ({
          errorDisplay: document.body.classList.contains('sb-show-errordisplay'),
          errorText: document.querySelector('#error-message')?.textContent?.trim() ?? '',
        }));
        assert.deepEqual(problems, [], 'the story logged errors');
        assert.ok(!shown.errorDisplay, `Storybook shows an error instead of the story: ${shown.errorText}`);
        assert.equal(phase, 'finished');

        const unrendered = await page.evaluate(() => {
          const root = document.querySelector('#storybook-root');
          const rendered = [...(root?.querySelectorAll('*') ?? [])].filter((el) => el.id !== 'root-inner');
          if (!rendered.length) return ['the story rendered nothing'];
          return rendered
            .filter((el) => el.localName.includes('-'))
            // an element that hides itself on purpose (e.g. <partner-recruits> without a second tier) is a state, not a failure
            .filter((el) => !(customElements.get(el.localName) && el.hasAttribute('hidden')))
            .filter((el) => !customElements.get(el.localName) || !el.shadowRoot || el.shadowRoot.childElementCount === 0)
            .map((el) => `<${el.localName}>`);
        });
        assert.deepEqual(unrendered, [], 'the story, or custom elements in it, rendered nothing');

        const violations = await page.evaluate(async (tags) => {
          const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
          const result = await axe.run('#storybook-root', { runOnly: { type: 'tag', values: tags } });
          return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
        }, WCAG_TAGS);
        assert.deepEqual(violations, [], 'axe found accessibility violations');
        assert.deepEqual(problems, [], 'the story logged errors');
        healthy = true;
      } finally {
        // a story that failed leaves its page behind, so that it cannot fail the next one too
        await pages.give(preview, healthy);
      }
    });
  }
});

interface StoryPage {
  page: Page;
  /** what went wrong on the page since the current story was picked */
  problems: string[];
}

/**
 * Storybook previews (iframe.html, with axe loaded), each showing one story at a time: loading
 * the preview once and switching stories in it, as Storybook's own UI does, takes a fraction of
 * the time of a page load per story.
 */
class StoryPages {
  readonly #idle: StoryPage[] = [];

  constructor(
    private readonly context: BrowserContext,
    private readonly origin: string,
  ) {}

  async take(): Promise<StoryPage> {
    const idle = this.#idle.pop();
    if (idle) return idle;
    const page = await this.context.newPage();
    const problems = collectProblems(page, this.origin);
    // a11y.manual: the a11y addon would run axe again after every story (doubling the time);
    // the test runs it itself, with the same rules.
    await page.goto(`${this.origin}/iframe.html?id=${encodeURIComponent(stories[0].id)}&viewMode=story&globals=a11y.manual:!true`);
    await waitForStory(page, stories[0].id);
    await page.addScriptTag({ path: axePath });
    return { page, problems };
  }

  async give(preview: StoryPage, healthy: boolean): Promise<void> {
    if (healthy) this.#idle.push(preview);
    else await preview.page.close().catch(() => {});
  }
}

/** Page errors, console errors and failed requests to the Storybook server, as they happen. */
function collectProblems(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // Chromium asks for /favicon.ico on its own; Storybook ships none. Not the story's doing.
    if (message.location().url === `${origin}/favicon.ico`) return;
    if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('requestfailed', (request) => {
    if (request.url().startsWith(origin)) problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  page.on('response', (response) => {
    if (response.url().startsWith(origin) && response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/** Waits until Storybook has rendered the story, run its play function and its afterEach. */
async function waitForStory(page: Page, id: string): Promise<string> {
  const handle = await page.waitForFunction(
    (storyId) => {
      const preview = (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { id?: string; phase?: string } } })
        .__STORYBOOK_PREVIEW__;
      const render = preview?.currentRender;
      if (document.body.classList.contains('sb-show-errordisplay')) return 'errored';
      return render?.id === storyId && render.phase === 'finished' ? render.phase : false;
    },
    id,
    { timeout: 15_000, polling: 50 },
  );
  return (await handle.jsonValue()) as string;
}

/**
 * The docs pages, where every story of an element renders in one document: each preview shows
 * its own story's state (a signed-out story must not sign the others out), and pages with long
 * tables stay a reasonable height.
 */
describe('docs pages', () => {
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    const executablePath = findChrome();
    if (!executablePath) throw new Error(NO_CHROME_MESSAGE);
    server = await serveStatic(staticDir);
    browser = await chromium.launch({ executablePath, args: CHROME_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const openDocs = async (title: string) => {
    const docs = entries.find((entry) => entry.type === 'docs' && entry.title === title);
    assert.ok(docs, `no docs page for ${title}`);
    const page = await browser.newPage();
    await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(docs.id)}&viewMode=docs`);
    const expected = stories.filter((story) => story.title === title).map((story) => story.id);
    return { page, expected };
  };

  for (const tag of ['partner-center', 'partner-commissions', 'partner-profile', 'partner-programs', 'partner-welcome']) {
    it(`Elements/${tag}: every preview shows its own story, signed in except "Signed out"`, { timeout: 30_000 }, async () => {
      const { page, expected } = await openDocs(`Elements/${tag}`);
      try {
        // each story's preview, once its element has rendered a state
        const previews = await page.waitForFunction(
          ({ tag, ids }) => {
            const states = ids.map((id) => {
              const el = document.querySelector(`#anchor--${id} ${tag}`);
              const root = el?.shadowRoot;
              if (!root || !root.childElementCount) return undefined;
              const signedOut = !!root.querySelector('[part~="signed-out"], partner-login');
              const signedIn = !!root.querySelector('[part~="nav"], [part~="list"], [part~="program"], [part~="details"], [part~="content"], [part~="spinner"], [part~="empty"], [part~="error"], [part~="no-program"]');
              return signedOut ? 'signed out' : signedIn ? 'signed in' : undefined;
            });
            return states.every(Boolean) ? Object.fromEntries(ids.map((id, i) => [id, states[i]])) : false;
          },
          { tag, ids: expected },
          { timeout: 20_000, polling: 100 },
        );
        const shown = (await previews.jsonValue()) as Record<string, string>;
        const wanted = Object.fromEntries(expected.map((id) => [id, id.endsWith('--signed-out') ? 'signed out' : 'signed in']));
        assert.deepEqual(shown, wanted);
      } finally {
        await page.close();
      }
    });
  }

  for (const title of ['Reports/partner-reports', 'Reports/partner-ledger']) {
    it(`${title}: the docs page stays under 20,000 px (long tables are framed, not inlined)`, { timeout: 30_000 }, async () => {
      const { page, expected } = await openDocs(title);
      try {
        await page.waitForFunction((ids) => ids.every((id) => document.querySelector(`#anchor--${id}`)), expected, { timeout: 20_000 });
        await page.waitForTimeout(500);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        assert.ok(height < 20_000, `the docs page is ${height} px high`);
      } finally {
        await page.close();
      }
    });
  }
});
