import { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { merchantName } from './settings.js';
import { escapeHtml } from './templates.js';

/**
 * `GET /demo/outbox` (only with `serve --demo`, where no SMTP server is set): the mail the demo
 * would have sent, newest first, each message's text with its links clickable — so a newcomer
 * can follow a password reset or a sign-up confirmation end to end.
 */

/** Escaped text with every http(s) URL in it made a link. */
export function linkify(text: string): string {
  return text
    .split(/(https?:\/\/[^\s<>"]+)/g)
    .map((part, i) => {
      if (i % 2 === 0) return escapeHtml(part);
      const url = part.replace(/[.,;:!?)]+$/, '');
      const rest = part.slice(url.length);
      return `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>${escapeHtml(rest)}`;
    })
    .join('');
}

const STYLE = `body{margin:0;font-family:system-ui,sans-serif;background:#f6f7f9;color:#1d232a}
main{max-width:56rem;margin:0 auto;padding:1.5rem}
article{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:1rem 1.25rem;margin:0 0 1rem}
h2{font-size:1.05rem;margin:0 0 .25rem}
.meta{color:#5b6470;font-size:.85rem;margin:0 0 .75rem}
.status{display:inline-block;padding:0 .4rem;border-radius:4px;background:#eef1f4}
pre{white-space:pre-wrap;word-break:break-word;font:inherit;margin:0}
a{color:#1f6f5c}`;

export function demoOutboxRoutes(deps: Deps) {
  return new Hono().get('/demo/outbox', async (c) => {
    const rows = await deps.db.kysely
      .selectFrom('outbox')
      .select(['id', 'kind', 'to', 'subject', 'text', 'status', 'created_at'])
      .orderBy('id', 'desc')
      .limit(100)
      .execute();
    const name = escapeHtml(await merchantName(deps.db.kysely));
    const items = rows.length
      ? rows
          .map(
            (m) => `<article id="message-${m.id}">
  <h2>${escapeHtml(m.subject)}</h2>
  <p class="meta">To ${escapeHtml(m.to)} · ${escapeHtml(m.kind.replace(/_/g, ' '))} · <span class="status">${escapeHtml(m.status)}</span> · <time datetime="${new Date(m.created_at).toISOString()}">${new Date(m.created_at).toISOString().replace('T', ' ').slice(0, 16)} UTC</time></p>
  <pre>${linkify(m.text)}</pre>
</article>`,
          )
          .join('\n')
      : '<p>No mail yet. Ask for a password reset on <a href="/">the demo page</a> (“Forgot password?”), then come back.</p>';
    const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Demo outbox · ${name}</title><style>${STYLE}</style></head>
<body><main>
<h1>Demo outbox</h1>
<p>The demo has no SMTP server, so the mail ${name} would send is kept here, newest first. <a href="/demo/outbox">Refresh</a> · <a href="/">Back to the demo page</a> · <a href="/admin">The console</a></p>
${items}
</main></body>
</html>`;
    return c.html(html, 200, { 'Cache-Control': 'no-store' });
  });
}
