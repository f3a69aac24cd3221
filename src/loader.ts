/**
 * The lazy autoloader: `<script type="module" src="…/loader.js">` defines each `partner-*`
 * element only when one appears on the page, loading just that element's file
 * (`components/<tag>.js` next to this script). Use `partner-center.js` instead to load them all.
 */
import { signInFromMetaTag } from './embed.js';

const base = new URL('.', import.meta.url);
void signInFromMetaTag();
const requested = new Set<string>();

function load(tag: string) {
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  import(/* @vite-ignore */ new URL(`components/${tag}.js`, base).href).catch((error: unknown) => {
    console.warn(`[partner-center] <${tag}> could not be loaded`, error);
  });
}

function discover(root: ParentNode) {
  for (const el of root.querySelectorAll(':not(:defined)')) {
    const tag = el.localName;
    if (tag.startsWith('partner-')) load(tag);
  }
}

discover(document);
new MutationObserver((mutations) => {
  for (const m of mutations) {
    for (const node of m.addedNodes) {
      if (node instanceof Element) {
        if (node.localName.startsWith('partner-')) load(node.localName);
        discover(node);
      }
    }
  }
}).observe(document.documentElement, { childList: true, subtree: true });
