// The text of Lit's html`` / css`` / svg`` templates, made smaller for the browser bundles:
// used by rollup.config.ts on every module of ours (after TypeScript, before terser) and tested
// by test/server/build/template-text.test.ts.
import { browserslistToTargets, transform } from 'lightningcss';

/**
 * The browsers the elements support (PRODUCT.md: current evergreen browsers): lightningcss
 * keeps every feature they have as written (container queries, nesting, `color-mix()`…).
 */
const targets = browserslistToTargets(['chrome 120', 'edge 120', 'firefox 121', 'safari 17', 'ios_saf 17']);

/**
 * A css`` template's text with no interpolation, minified by lightningcss (shorter colours,
 * numbers and selectors, merged rules), escaped as the raw text of a template literal;
 * undefined when lightningcss cannot parse it (the caller then only folds it).
 */
export function minifiedCss(cooked) {
  if (cooked == null) return undefined;
  try {
    const out = transform({ filename: 'element.css', code: Buffer.from(cooked), minify: true, targets }).code.toString();
    return out.replace(/[\\`]|\$\{/g, (c) => `\\${c}`);
  } catch {
    return undefined;
  }
}

const TAGS = new Set(['html', 'css', 'svg']);

/**
 * `code` with its templates' text made smaller, or null when nothing changes. `parse` turns
 * code into an ESTree program with node offsets (rollup's `this.parse`, or `parseAst`).
 * - every run of white space that spans a line break becomes one space (HTML and CSS read them
 *   alike; no static template text of ours sits in a <pre>);
 * - in css`` also the spaces around { } ; , and after colons go;
 * - a css`` template with no interpolation is minified whole by lightningcss instead.
 * Interpolated values are untouched.
 */
export function foldTemplates(code, parse) {
  if (!/\b(html|css|svg)\s*`/.test(code)) return null;
  const edits = [];
  const walk = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (node.type === 'TaggedTemplateExpression' && node.tag?.type === 'Identifier' && TAGS.has(node.tag.name)) {
      const quasis = node.quasi.quasis;
      const whole = node.tag.name === 'css' && quasis.length === 1 ? minifiedCss(quasis[0].value.cooked) : undefined;
      if (whole !== undefined) return void edits.push({ start: quasis[0].start, end: quasis[0].end, text: whole });
      for (const q of quasis) {
        let folded = q.value.raw.replace(/[ \t]*\n\s*/g, ' ');
        if (node.tag.name === 'css') folded = folded.replace(/\s*([{};,])\s*/g, '$1').replace(/:\s+/g, ':');
        if (folded !== q.value.raw) edits.push({ start: q.start, end: q.end, text: folded });
      }
    }
    for (const value of Object.values(node)) if (value && typeof value === 'object') walk(value);
  };
  walk(parse(code));
  if (!edits.length) return null;
  let out = code;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
