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
import { signInFromMetaTag } from './embed.js';
import { Autoloader } from './internal/autoloader.js';

const base = new URL('.', import.meta.url);
void signInFromMetaTag();

const loader = new Autoloader({ url: (tag) => new URL(`components/${tag}.js`, base).href });
loader.watch(document);

/** Loads the file that defines `tag` (a `partner-*` name); resolves with its class once defined. */
export const load = (tag: string) => loader.load(tag);

const g = globalThis as { PartnerCenter?: Record<string, unknown> };
g.PartnerCenter = { ...g.PartnerCenter, load };
