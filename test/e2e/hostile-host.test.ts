import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { PACKAGE_ROOT } from '../../server/main.js';
import { e2e, type E2E } from '../helpers/e2e.js';

/**
 * Issue 14, item 7: every partner element survives a hostile host page, in real Chromium on
 * the demo server. Host pages are served at the demo origin through `page.route()` (so the test
 * controls their headers): a 320 px sidebar, a 62.5 % root font with `* { line-height: 3 }`, a
 * dark page with inherited white text, the dark theme, a Trusted Types CSP and a strict CSP.
 * For each element (listed from components/ at run time, so new ones are covered) it checks
 * what a reader gets: the element rendered, nothing sticks out of its container, text is the
 * element's 16 px with a sane line height, text contrasts ≥ 4.5:1 with what is behind it, and
 * the page reports no CSP or Trusted Types violation. axe runs on the dark theme.
 */

/** Every element tag: each folder of components/ holding `<tag>.component.ts`. */
const TAGS = readdirSync(join(PACKAGE_ROOT, 'components')).filter((dir) => existsSync(join(PACKAGE_ROOT, 'components', dir, `${dir}.component.ts`)));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let env: E2E;
/** The demo partner's stored session (sessionStorage), put in every host page before it loads. */
let session: string;

before(async () => {
  env = await e2e();
  const page = await env.signedInDemoPage();
  await page.locator('partner-login').first().getByText('Signed in as Dana Demo').waitFor();
  session = (await page.evaluate(() => sessionStorage.getItem('partner-center:session')))!;
  assert.ok(session, 'signed in on the demo page');
  await page.context().close();
});
after(() => env?.close());

interface Host {
  /** The page's own stylesheet (served from the page's origin, so a strict CSP allows it). */
  css: string;
  /** Content-Security-Policy header of the host page, if any. */
  csp?: string;
  /** Width of the column every element sits in. */
  width: number;
  /** Attributes put on every element, e.g. `theme="dark"`. */
  attributes?: string;
}

const TRUSTED_TYPES_CSP = "require-trusted-types-for 'script'; trusted-types lit-html partner-center";
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'";

/** Opens a host page at the demo origin with every element in a column of `width` px. */
async function openHost(name: string, host: Host): Promise<Page> {
  const context = await env.browser.newContext({ viewport: { width: Math.max(host.width + 200, 800), height: 900 } });
  await context.addInitScript(
    ([stored]) => {
      // tsx (esbuild) names the functions the test evaluates in the page with a __name helper
      (window as unknown as { __name: (f: unknown) => unknown }).__name = (f) => f;
      sessionStorage.setItem('partner-center:session', stored!);
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));
    },
    [session],
  );
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|Trusted ?Type/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  (page as Page & { problems: string[] }).problems = problems;
  const base = `${env.url}/__host/${name}`;
  const elements = TAGS.map((tag) => `<div class="column" data-for="${tag}"><${tag} ${host.attributes ?? ''}></${tag}></div>`).join('\n');
  await page.route(`${base}/host.css`, (route) =>
    route.fulfill({ contentType: 'text/css', body: `${host.css}\n.column { width: ${host.width}px; margin: 0 0 40px; overflow: visible; }` }),
  );
  await page.route(`${base}/`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: host.csp ? { 'Content-Security-Policy': host.csp } : {},
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page: ${name}</title>
<link rel="stylesheet" href="${base}/host.css">
<script type="module" src="/partner-center.js"></script>
</head><body><main><h1>A merchant page</h1>${elements}</main></body></html>`,
    }),
  );
  const response = await page.goto(`${base}/`);
  assert.equal(response?.status(), 200);
  await settle(page);
  return page;
}

/** Waits until every element is defined and none shows a spinner or busy state any more. */
async function settle(page: Page) {
  await page.waitForFunction((tags) => tags.every((t) => customElements.get(t)), TAGS, { timeout: 15_000 }).catch(() => undefined);
  await page.waitForLoadState('networkidle');
  await page
    .waitForFunction(
      () => {
        const busy = (root: ParentNode): boolean =>
          [...root.querySelectorAll('*')].some(
            (el) => el.matches('.spinner, [part~="spinner"], [aria-busy="true"]') || (el.shadowRoot ? busy(el.shadowRoot) : false),
          );
        return !busy(document);
      },
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => undefined); // what is still loading is reported by the checks below
}

interface Finding {
  tag: string;
  defined: boolean;
  width: number;
  height: number;
  text: string;
  hostFontSize: string;
  overflow: number;
  smallest: { size: number; what: string };
  tallestLineHeight: { ratio: number; what: string };
  lowContrast: string[];
  outside: string;
}

/** What a reader gets from each element, measured from computed styles and layout. */
function measure(page: Page): Promise<Finding[]> {
  return page.evaluate((tags) => {
    const parse = (c: string): [number, number, number, number] => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const parentOf = (el: Element): Element | null => (el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null));
    /** The colour behind an element: the first opaque background up the tree (across shadow roots). */
    const backdrop = (el: Element): { color: number[]; image: boolean } => {
      const layers: number[][] = [];
      for (let at: Element | null = el; at; at = parentOf(at)) {
        const style = getComputedStyle(at);
        if (style.backgroundImage !== 'none') return { color: [255, 255, 255], image: true };
        const bg = parse(style.backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      let color = [255, 255, 255]; // the canvas
      for (const [r, g, b, a] of layers.reverse()) color = [r * a + color[0] * (1 - a), g * a + color[1] * (1 - a), b * a + color[2] * (1 - a)];
      return { color, image: false };
    };
    const faded = (el: Element) => {
      for (let at: Element | null = el; at; at = parentOf(at)) if (Number(getComputedStyle(at).opacity) < 1) return true;
      return false;
    };
    /** Elements holding visible text, through nested shadow roots. */
    const textHolders = (root: ShadowRoot): Element[] => {
      const found = new Set<Element>();
      const walk = (node: Node) => {
        for (const child of node.childNodes) {
          if (child.nodeType === Node.TEXT_NODE && child.textContent!.trim()) {
            const parent = child.parentElement;
            if (parent) found.add(parent);
          } else if (child.nodeType === Node.ELEMENT_NODE) {
            const el = child as Element;
            if (el.localName === 'style' || el.localName === 'template') continue;
            walk(el);
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        }
      };
      walk(root);
      return [...found].filter((el) => {
        const rect = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return rect.width > 1 && rect.height > 1 && style.visibility !== 'hidden' && !el.closest('.visually-hidden');
      });
    };
    const describe = (el: Element) => `<${el.localName}.${el.className}${el.getAttribute('part') ? ` part="${el.getAttribute('part')}"` : ''}> "${el.textContent!.trim().slice(0, 40)}"`;

    return tags.map((tag) => {
      const host = document.querySelector(tag) as HTMLElement;
      const column = host.parentElement!;
      const rect = host.getBoundingClientRect();
      const root = host.shadowRoot;
      const finding = {
        tag,
        defined: Boolean(customElements.get(tag)),
        width: rect.width,
        height: rect.height,
        text: (root ? [...textHolders(root)].map((el) => el.textContent!.trim()).join(' ') : '').slice(0, 200),
        hostFontSize: getComputedStyle(host).fontSize,
        overflow: column.scrollWidth - column.clientWidth,
        smallest: { size: Infinity, what: '' },
        tallestLineHeight: { ratio: 0, what: '' },
        lowContrast: [] as string[],
        outside: '',
      };
      if (!root) return finding;
      if (finding.overflow > 1) {
        // name what sticks out, for the failure message
        const right = column.getBoundingClientRect().right;
        const out: string[] = [];
        const walk = (node: ParentNode) => {
          for (const el of node.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.right > right + 1) out.push(`${describe(el)} ends at ${Math.round(r.right - right)}px past`);
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        walk(root);
        finding.outside = out.slice(-4).join('; ');
      }
      for (const el of textHolders(root)) {
        const style = getComputedStyle(el);
        const size = parseFloat(style.fontSize);
        if (size < finding.smallest.size) finding.smallest = { size, what: describe(el) };
        const ratio = style.lineHeight === 'normal' ? 1.2 : parseFloat(style.lineHeight) / size;
        if (ratio > finding.tallestLineHeight.ratio) finding.tallestLineHeight = { ratio, what: describe(el) };
        if (faded(el)) continue; // disabled controls are exempt from contrast rules
        const back = backdrop(el);
        if (back.image) continue;
        const fore = parse(style.color);
        const [l1, l2] = [luminance(fore), luminance(back.color)].sort((a, b) => b - a);
        const contrast = (l1 + 0.05) / (l2 + 0.05);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        if (contrast < (large ? 3 : 4.5)) finding.lowContrast.push(`${describe(el)} ${contrast.toFixed(2)}:1 (${style.color} on rgb(${back.color.map(Math.round).join(', ')}))`);
      }
      return finding;
    });
  }, TAGS);
}

/** The checks every host page must pass, for every element. */
async function assertReadable(page: Page, width: number) {
  const findings = await measure(page);
  const failures: string[] = [];
  for (const f of findings) {
    const fail = (what: string) => failures.push(`<${f.tag}> ${what}`);
    if (!f.defined) fail('is not defined by /partner-center.js');
    if (f.width < 1 || f.height < 1 || !f.text) fail(`rendered nothing (${f.width}×${f.height}, text "${f.text}")`);
    if (Math.abs(f.width - width) > 1 && f.width > width) fail(`is ${f.width}px wide in a ${width}px column`);
    if (f.overflow > 1) fail(`sticks out of its ${width}px column by ${f.overflow}px: ${f.outside}`);
    if (f.hostFontSize !== '16px') fail(`has font-size ${f.hostFontSize}, not its own 16px`);
    if (f.smallest.size < 12) fail(`shows text at ${f.smallest.size}px: ${f.smallest.what}`);
    if (f.tallestLineHeight.ratio > 2) fail(`has line-height ${f.tallestLineHeight.ratio.toFixed(2)}× its font: ${f.tallestLineHeight.what}`);
    for (const low of f.lowContrast) fail(`has low contrast: ${low}`);
  }
  const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  for (const v of violations) failures.push(`security policy violation: ${v}`);
  for (const p of (page as Page & { problems: string[] }).problems) failures.push(p);
  assert.deepEqual(failures, [], `${failures.length} problem(s):\n${failures.join('\n')}`);
  return findings;
}

test('every partner element is listed from components/', () => {
  assert.ok(TAGS.length >= 14, `found ${TAGS.join(', ')}`);
  assert.ok(TAGS.includes('partner-center') && TAGS.includes('partner-ledger'));
});

test('(a) in a 320 px sidebar every element fits, wraps and stays readable', async () => {
  const page = await openHost('sidebar', { css: 'body { margin: 0; font: 16px/1.5 Georgia, serif; } aside, .column { box-sizing: border-box; }', width: 320 });
  await assertReadable(page, 320);
  // signed in as the demo partner: the ledger shows their money, not the signed-out prompt
  await page.locator('partner-ledger').getByText(/payable/i).first().waitFor();
  await page.context().close();
});

test('(a′) in a 1,400 px column the elements use the width and keep their own maximum', async () => {
  const page = await openHost('wide', { css: 'body { margin: 0; }', width: 1400 });
  const findings = await assertReadable(page, 1400);
  const login = findings.find((f) => f.tag === 'partner-login')!;
  assert.ok(login.width < 600, `the sign-in card keeps a form width (${login.width}px)`);
  const ledger = findings.find((f) => f.tag === 'partner-ledger')!;
  assert.ok(ledger.width > 1000, `the ledger uses the column (${ledger.width}px)`);
  await page.context().close();
});

test('(b) html { font-size: 62.5% } and * { line-height: 3 } neither shrink nor explode the elements', async () => {
  const page = await openHost('root-font', { css: 'html { font-size: 62.5%; } * { line-height: 3; color: #333; letter-spacing: 0.3em; } body { font-size: 1.4rem; }', width: 800 });
  await assertReadable(page, 800);
  await page.context().close();
});

test('(c) on a dark page with inherited white text every element stays readable', async () => {
  const page = await openHost('dark-page', { css: 'body { background: #111; color: #fff; } * { color: white; background-color: transparent; }', width: 800 });
  await assertReadable(page, 800);
  await page.context().close();
});

test('(c′) theme="dark" turns every element (and the elements inside it) dark, readable and axe-clean', async () => {
  const page = await openHost('dark-theme', { css: 'body { background: #111; color: #fff; }', width: 800, attributes: 'theme="dark"' });
  await assertReadable(page, 800);
  const colors = await page.evaluate(() => {
    const center = document.querySelector('partner-center')!;
    const nested = center.shadowRoot!.querySelector('[part~="section"] > *:not([hidden])') ?? center;
    return { ledger: getComputedStyle(document.querySelector('partner-ledger')!).backgroundColor, nested: getComputedStyle(nested).backgroundColor };
  });
  assert.equal(colors.ledger, 'rgb(21, 26, 35)', 'the dark surface');
  assert.equal(colors.nested, 'rgb(21, 26, 35)', 'an element inside <partner-center theme="dark"> is dark too');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  });
  assert.deepEqual(violations, [], 'axe finds no violation on the dark theme');
  await page.context().close();
});

test('(d) a page requiring Trusted Types: elements render and merchant HTML goes through the partner-center policy', async () => {
  const page = await openHost('trusted-types', { css: 'body { margin: 0; }', csp: TRUSTED_TYPES_CSP, width: 800 });
  await assertReadable(page, 800);
  assert.equal(await page.evaluate(() => (window as unknown as { trustedTypes?: { defaultPolicy: unknown } }).trustedTypes !== undefined), true);
  // the welcome message is merchant HTML: it was parsed under Trusted Types and shows as markup
  const welcome = page.locator('partner-welcome [part~="content"]').first();
  await welcome.waitFor();
  assert.ok((await welcome.evaluate((el) => el.children.length)) > 0, 'the welcome message shows as markup');
  await page.context().close();
});

test('(e) a strict CSP (self only, no inline script or style) loses nothing', async () => {
  const page = await openHost('strict-csp', { css: 'body { margin: 0; }', csp: STRICT_CSP, width: 800 });
  await assertReadable(page, 800);
  await page.context().close();
});
