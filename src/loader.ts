/**
 * The lazy autoloader: `<script type="module" src="…/loader.js">` defines each `partner-*`
 * element only when one appears on the page — or inside another element's open shadow root —
 * loading just that element's file (`components/<tag>.js` next to this script). Use
 * `partner-center.js` instead to load them all.
 *
 * `window.PartnerCenter.load(tag)` loads one element on demand (e.g. before a closed shadow root
 * or a framework renders it) and returns a promise of its class. A file that fails to load is
 * retried once, then the waiting elements show "This part of the page could not be loaded."
 */
import { Autoloader } from './internal/autoloader.js';

const base = new URL('.', import.meta.url);

// The embed-token sign-in needs the API client and the session store: loaded only on a page that
// has the meta tag, so loader.js stays tag discovery and nothing else. Until it has started (the
// session is then `signingIn`), no element file is imported: no flash of the login form.
const signingIn = document.querySelector('meta[name="partner-center:embed-token"]')
  ? import('./embed.js').then((m) => void m.signInFromMetaTag()).catch(() => undefined)
  : undefined;

const loader = new Autoloader({
  url: (tag) => new URL(`components/${tag}.js`, base).href,
  importer: signingIn && ((url) => signingIn.then(() => import(/* @vite-ignore */ url))),
});
loader.watch(document);

/** Loads the file that defines `tag` (a `partner-*` name); resolves with its class once defined. */
export const load = (tag: string) => loader.load(tag);

const g = globalThis as { PartnerCenter?: Record<string, unknown> };
g.PartnerCenter = { ...g.PartnerCenter, load };
