import assert from 'node:assert/strict';
import test from 'node:test';
import { parseAst } from 'rollup/parseAst';
import { foldTemplates } from '../../../scripts/template-text.mjs';

/** Runs `code` (a module body that sets `t` to its templates) with tags that return what Lit would be given. */
function evaluate(code: string): string[] {
  const tag = (strings: TemplateStringsArray, ...values: unknown[]) => strings.map((s, i) => s + (i < values.length ? String(values[i]) : '')).join('');
  return new Function('css', 'html', `${code}\nreturn t;`)(tag, tag) as string[];
}

const fold = (code: string) => foldTemplates(code, (text) => parseAst(text)) ?? code;

test('a css`` template is minified whole and still means the same to the browser', () => {
  // the module's text: a backslash-escaped CSS escape (an em dash) and an escaped backtick in a string
  const source = [
    'const t = [css`',
    '    :host {',
    '      display: block;',
    '      container-type: inline-size;',
    '    }',
    '    @container (min-width: 40em) {',
    '      .row { margin: 0 0 0 0; color: #ffffff; }',
    '    }',
    '    [part~="badge"]::before { content: "\\\\2014  \\`"; }',
    '    .a:hover { color: red; }',
    '    .a:hover { background: blue; }',
    '  `];',
  ].join('\n');
  const [before] = evaluate(source);
  const [after] = evaluate(fold(source));
  assert.ok(after!.length < before!.length * 0.7, `${after} is not shorter than ${before}`);
  assert.match(after!, /^:host\{display:block;container-type:inline-size\}/);
  assert.match(after!, /@container \(width>=40em\)\{\.row\{color:#fff;margin:0\}\}/);
  // the escapes of the template literal survive: an em dash and a backtick in the content
  assert.match(after!, /content:"— `"/); // the space after the escape \2014 ends it
  assert.match(after!, /\.a:hover\{color:red;background:(blue|#00f)\}/);
});

test('a css`` template with interpolations is only folded, its values untouched', () => {
  const source = 'const tokens = "--a:1;"; const t = [css`\n  :host {\n    ${tokens}\n    color: red;\n  }\n`];';
  assert.deepEqual(evaluate(fold(source)), [' :host{--a:1; color:red;}']);
});

test('html`` keeps one space where the indentation was, and CSS lightningcss cannot read is left folded', () => {
  const source = 'const t = [html`<p>\n      Hello\n      <b>you</b>\n    </p>`, css`\n  .x { color: red; }\n}\n`];';
  assert.deepEqual(evaluate(fold(source)), ['<p> Hello <b>you</b> </p>', ' .x{color:red;}}']);
});
