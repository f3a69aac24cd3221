import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMarkdown } from '../../../server/resources/markdown.js';
import { PAGE_HEADING_OFFSET } from '../../../src/internal/markdown-options.js';
import { markdownCases, PREVIEW_BASE } from '../../helpers/markdown-cases.js';

test('the server renders the shared markdown cases as written (the console preview is held to the same)', () => {
  for (const { markdown, html } of markdownCases) {
    assert.equal(renderMarkdown(markdown, { base: PREVIEW_BASE, headingOffset: PAGE_HEADING_OFFSET }), html, markdown);
  }
});
