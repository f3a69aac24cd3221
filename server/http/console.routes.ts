import { Hono } from 'hono';

const page = (title: string, head: string, body: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Ccircle cx='8' cy='8' r='7' fill='%231f6f5c'/%3E%3C/svg%3E" />
    <title>${title}</title>
    ${head}
    <style>
      body { margin: 0; font-family: system-ui, sans-serif; background: #f6f7f9; }
      main { max-width: 80rem; margin: 0 auto; padding: 1.5rem; }
    </style>
  </head>
  <body>
    <main>${body}</main>
  </body>
</html>
`;

/** The merchant console: the console bundle (/admin.js, its own build) and <partner-admin>. */
const CONSOLE = page('Partner Center console', '<script type="module" src="/admin.js"></script>', '<partner-admin></partner-admin>');

/**
 * "View as partner": the partner portal signed in with the one-time embed token the console
 * minted (`POST /api/v1/admin/embed-tokens`), handed over in the URL's fragment — which never
 * reaches a server or a log — and removed from the address bar before it is spent.
 */
const VIEW_AS = page(
  'Partner portal (viewed by the merchant)',
  `<script type="module">
      import { signInWithEmbedToken } from '/partner-center.js';
      const token = new URLSearchParams(location.hash.slice(1)).get('embed-token');
      history.replaceState(null, '', location.pathname);
      if (token) signInWithEmbedToken(token).catch(() => { document.getElementById('expired').hidden = false; });
    </script>`,
  `<p id="expired" role="alert" hidden>This sign-in link was already used or has expired. Choose “View as partner” in the console again.</p>
    <partner-center></partner-center>`,
);

/** `GET /admin` (the console) and `GET /admin/portal` (view as partner), always served, not only in the demo. */
export function consoleRoutes() {
  return new Hono()
    .get('/admin', (c) => c.html(CONSOLE, 200, { 'Cache-Control': 'no-cache' }))
    .get('/admin/portal', (c) => c.html(VIEW_AS, 200, { 'Cache-Control': 'no-store' }));
}
