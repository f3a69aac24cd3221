/**
 * Markdown and the HTML the server renders for it as a resource page (base
 * https://partners.example.com, headings shifted by 3). Two tests hold to it: the server's
 * renderer (test/server/resources/markdown-preview-cases.test.ts) and the console's browser
 * preview (test/components/partner-admin-resources.test.ts) — so the preview shows what
 * partners get.
 */
export const PREVIEW_BASE = 'https://partners.example.com';

export const markdownCases: { markdown: string; html: string }[] = [
  {
    "markdown": "# Our brand\n\nUse the **blue** logo. See [the shop](https://shop.example.com).",
    "html": "<h4>Our brand</h4>\n<p>Use the <strong>blue</strong> logo. See <a href=\"https://shop.example.com/\" rel=\"noopener noreferrer nofollow\">the shop</a>.</p>"
  },
  {
    "markdown": "## Lists\n\n- one\n- *two*\n\n1. first\n2. second",
    "html": "<h5>Lists</h5>\n<ul>\n<li>one</li>\n<li><em>two</em></li>\n</ul>\n<ol>\n<li>first</li>\n<li>second</li>\n</ol>"
  },
  {
    "markdown": "| a | b |\n|:-|-:|\n| 1 | 2 |",
    "html": "<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n<th align=\"right\">b</th>\n</tr>\n</thead>\n<tbody><tr>\n<td align=\"left\">1</td>\n<td align=\"right\">2</td>\n</tr>\n</tbody></table>"
  },
  {
    "markdown": "![Logo](/uploads/3) and ![x](javascript:alert(1)) and [rel](/help) and [mail](mailto:a@b.example)",
    "html": "<p><img alt=\"Logo\" src=\"https://partners.example.com/uploads/3\" /> and  and <a href=\"https://partners.example.com/help\" rel=\"noopener noreferrer nofollow\">rel</a> and <a href=\"mailto:a@b.example\" rel=\"noopener noreferrer nofollow\">mail</a></p>"
  },
  {
    "markdown": "<script>alert(1)</script><div onclick=\"x()\">kept text</div><button>press</button><iframe src=\"https://x.example\"></iframe>",
    "html": "kept textpress"
  },
  {
    "markdown": "> quote\n\n```\ncode <b>\n```\n\n`inline`",
    "html": "<blockquote>\n<p>quote</p>\n</blockquote>\n<pre><code>code &lt;b&gt;\n</code></pre>\n<p><code>inline</code></p>"
  },
  {
    "markdown": "[bad](javascript:alert(1)) <a href=\"//evil.example\">proto</a> <img src=\"https://cdn.example.com/a.png\" width=\"12x\" height=\"30\" onerror=\"x()\">",
    "html": "<p><a>bad</a> <a>proto</a> <img alt=\"\" src=\"https://cdn.example.com/a.png\" height=\"30\" /></p>"
  },
  {
    "markdown": "###### deep",
    "html": "<h6>deep</h6>"
  }
];
