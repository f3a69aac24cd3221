import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { renderMarkdown } from '../../../server/resources/markdown.js';
import { PAYLOADS } from '../../helpers/xss-payloads.js';

/**
 * What must never come out as markup: script elements, event handlers, dangerous URLs,
 * embedding or styling elements. Text is escaped (`&lt;`), so every literal `<` opens a real tag.
 */
function assertInert(html: string) {
  const tags = (html.match(/<[^>]*>/g) ?? []).join(' ');
  assert.doesNotMatch(tags, /<\s*\/?\s*(script|style|iframe|object|embed|svg|math|form|input|button|link|meta|base|frame|frameset|template|noscript|textarea|select|details|video|source|body)\b/i, html);
  assert.doesNotMatch(tags, /\son[a-z]+\s*=/i, html);
  assert.doesNotMatch(tags, /(href|src)\s*=\s*"(?!https?:|mailto:)/i, html);
  assert.doesNotMatch(tags, /\s(style|class|id|srcset|formaction|xlink:href|action|background|target)\s*=/i, html);
  for (const tag of tags.match(/<[a-z0-9]+/gi) ?? []) {
    assert.ok(/^<(p|a|h[1-6]|em|strong|code|pre|img|ul|ol|li|blockquote|table|thead|tbody|tr|th|td|br|hr|del|s|b|i|sub|sup)$/i.test(tag), `${tag} in ${html}`);
  }
}


describe('renderMarkdown', () => {
  test('renders ordinary markdown', () => {
    assert.equal(
      renderMarkdown('# Title\n\nSome *em* and **strong**, `code`.\n\n- one\n- two\n\n[Shop](https://shop.example.com/a?b=1&c=2) and [mail](mailto:team@example.com)\n\n![Logo](https://cdn.example.com/logo.png "The logo")'),
      [
        '<h1>Title</h1>',
        '<p>Some <em>em</em> and <strong>strong</strong>, <code>code</code>.</p>',
        '<ul>',
        '<li>one</li>',
        '<li>two</li>',
        '</ul>',
        '<p><a href="https://shop.example.com/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">Shop</a> and <a href="mailto:team@example.com" rel="noopener noreferrer nofollow">mail</a></p>',
        '<p><img alt="Logo" src="https://cdn.example.com/logo.png" title="The logo" /></p>',
      ].join('\n'),
    );
  });

  test('shifts headings and resolves root-relative images against the server', () => {
    assert.equal(renderMarkdown('# A\n\n###### F\n\n![u](/uploads/3)', { headingOffset: 3, base: 'https://partners.example.com' }), '<h4>A</h4>\n<h6>F</h6>\n<p><img alt="u" src="https://partners.example.com/uploads/3" /></p>');
  });

  test('keeps the text of what it removes readable and escapes stray markup', () => {
    assert.equal(renderMarkdown('5 < 6 & "quotes"'), '<p>5 &lt; 6 &amp; "quotes"</p>');
    assert.equal(renderMarkdown('<marquee>hi</marquee>'), '<p>hi</p>');
  });

  for (const payload of PAYLOADS) {
    test(`neutralises ${payload}`, () => {
      const html = renderMarkdown(`Before ${payload} after\n\n${payload}`, { base: 'https://partners.example.com' });
      assertInert(html);
    });
  }

  test('nothing built from payload fragments and random text gets through (property)', () => {
    const fragment = fc.constantFrom(...PAYLOADS, '<', '>', '"', "'", '=', ' ', '\n', '`', '[', ']', '(', ')', '!', '#', '*', 'javascript:', 'on', 'error', 'src', 'href', '&#', ';', 'x');
    fc.assert(
      fc.property(fc.array(fc.oneof(fragment, fc.string()), { maxLength: 30 }), (parts) => {
        assertInert(renderMarkdown(parts.join(''), { base: 'https://partners.example.com' }));
      }),
      { numRuns: 300 },
    );
  });
});
