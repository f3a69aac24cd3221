import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { partnerBanners } from './banners.js';
import { partnerEmails } from './email-copy.js';
import { checkOwnPartnerLink, createDeepLink, listPartnerLinks, updatePartnerLink } from './partner-links.js';
import { qrPng, qrSvg } from './qr.js';
import { partnerPages } from './resource-pages.js';
import { LinkPatchSchema, NewDeepLinkSchema, PartnerBannerSchema, PartnerEmailSchema, PartnerLinkSchema, PartnerLinksSchema, PartnerPageSchema } from './schemas.js';
import { publicBase, requirePartner, type PartnerEnv } from '../http/middleware.js';
import { idParam } from '../shared/validation.js';
import { errors, jsonBody, jsonResponse, router, z } from '../http/openapi.js';

/** The Resources menu of the partner API: links, banners, email copy, resource pages; and QR codes. */

const security = [{ partnerToken: [] }];
const tags = ['partner: resources'];

const listLinksRoute = createRoute({
  method: 'get',
  path: '/links',
  tags,
  security,
  summary: "The partner's links with full URLs and click counts",
  description:
    "The merchant's active links for the partner's programs, then the partner's own deep links (newest first, the ones they disabled last; `disabled` says which).",
  responses: { 200: jsonResponse(PartnerLinksSchema, 'The links'), 401: errors[401] },
});

const createLinkRoute = createRoute({
  method: 'post',
  path: '/links',
  tags,
  security,
  summary: 'Create a custom deep link to a page on the merchant\'s site',
  description:
    'The destination must be an http(s) address on one of `allowedDomains`; anything else is refused (422 `destination_not_allowed`, 400 `invalid_destination`). The same destination and sub again answers the existing link with 200.',
  request: jsonBody(NewDeepLinkSchema),
  responses: {
    201: jsonResponse(PartnerLinkSchema, 'Created'),
    200: jsonResponse(PartnerLinkSchema, 'The partner has this link already'),
    400: errors[400],
    401: errors[401],
    413: errors[413],
    415: errors[415],
    422: errors[422],
  },
});

const updateLinkRoute = createRoute({
  method: 'patch',
  path: '/links/{id}',
  tags,
  security,
  summary: "Rename one of the partner's own deep links, or disable / enable it",
  description:
    "Only the partner's own custom links: another partner's link or a merchant link answers 404. A disabled link still takes visitors to its page, but records no click and attributes nothing.",
  request: {
    params: z.object({ id: idParam }),
    ...jsonBody(LinkPatchSchema),
  },
  responses: { 200: jsonResponse(PartnerLinkSchema, 'The link as it is now'), 400: errors[400], 401: errors[401], 404: errors[404], 415: errors[415] },
});

// compile-time: the PATCH body the server reads is the client's LinkPatch (src/api/types.ts), field for field
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const patchFits: Same<z.input<typeof LinkPatchSchema>, import('../../src/api/types.js').LinkPatch> = true;
void patchFits;

/** GET one kind of the partner's material: `{ <key>: [item, …] }`. */
function listRoute<K extends string, T extends z.ZodType>(path: string, key: K, item: T, summary: string) {
  const shape = { [key]: z.array(item) } as { [P in K]: z.ZodArray<T> };
  return createRoute({ method: 'get', path, tags, security, summary, responses: { 200: jsonResponse(z.object(shape), `The ${key}`), 401: errors[401] } });
}

const bannersRoute = listRoute('/banners', 'banners', PartnerBannerSchema, "Banners, each with a ready HTML snippet carrying the partner's link");
const emailsRoute = listRoute('/email-copy', 'emails', PartnerEmailSchema, 'Email texts with {{link}}, {{partner.name}} and {{partner.code}} filled in');
const pagesRoute = listRoute('/resources', 'pages', PartnerPageSchema, 'Resource pages, markdown rendered to sanitized HTML');

/** Mounted at /api/v1/partner. */
export function partnerResourceRoutes(deps: Deps) {
  const app = router<PartnerEnv>();
  for (const path of ['/links', '/links/*', '/banners', '/email-copy', '/resources']) app.use(path, requirePartner(deps));

  app.openapi(listLinksRoute, async (c) => c.json(await listPartnerLinks(deps, c.var.partner, publicBase(c, deps)), 200));
  app.openapi(createLinkRoute, async (c) => {
    const { link, created } = await createDeepLink(deps, c.var.partner, c.req.valid('json'), publicBase(c, deps));
    return created ? c.json(link, 201) : c.json(link, 200);
  });
  app.openapi(updateLinkRoute, async (c) =>
    c.json(await updatePartnerLink(deps, c.var.partner, c.req.valid('param').id, c.req.valid('json'), publicBase(c, deps)), 200),
  );
  app.openapi(bannersRoute, async (c) => c.json({ banners: await partnerBanners(deps, c.var.partner, publicBase(c, deps)) }, 200));
  app.openapi(emailsRoute, async (c) => c.json({ emails: await partnerEmails(deps, c.var.partner, publicBase(c, deps)) }, 200));
  app.openapi(pagesRoute, async (c) => c.json({ pages: await partnerPages(deps, c.var.partner, publicBase(c, deps)) }, 200));
  return app;
}

const QrQuery = z.object({
  url: z.string().min(1, 'is required: the partner link to encode').max(1024, 'is at most 1024 characters').openapi({ example: 'https://partners.example.com/r/demo/home' }),
  size: z.coerce.number().int('is not a whole number').min(64, 'is at least 64').max(2048, 'is at most 2048').optional().openapi({ description: 'PNG width and height in pixels (default 512)' }),
  download: z.enum(['1', 'true']).optional().openapi({ description: 'Answer as a file download (Content-Disposition: attachment)' }),
});

const qrRoute = (format: 'svg' | 'png') =>
  createRoute({
    method: 'get',
    path: `/qr.${format}`,
    tags: ['resources'],
    summary: `A QR code (${format.toUpperCase()}) for one of this server's partner links`,
    description: "Public, so it works in an <img>. Only this server's own `/r/<code>/<link>` addresses are drawn: it is no open QR service.",
    request: { query: QrQuery },
    responses: {
      200: { description: 'The QR code', content: { [format === 'svg' ? 'image/svg+xml' : 'image/png']: { schema: z.string().openapi({ format: 'binary' }) } } },
      400: errors[400],
    },
  });

/** Mounted at /api/v1. */
export function qrRoutes(deps: Deps) {
  const app = router();
  for (const format of ['svg', 'png'] as const) {
    app.openapi(qrRoute(format), async (c) => {
      const query = c.req.valid('query');
      const url = await checkOwnPartnerLink(deps, publicBase(c, deps), query.url);
      c.header('Cache-Control', 'public, max-age=3600');
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      c.header('Cross-Origin-Resource-Policy', 'cross-origin');
      if (query.download) {
        const name = new URL(url).pathname.split('/').filter(Boolean).slice(1).join('-').replace(/[^A-Za-z0-9_.-]/g, '_');
        c.header('Content-Disposition', `attachment; filename="qr-${name}.${format}"`);
      }
      if (format === 'svg') {
        c.header('Content-Type', 'image/svg+xml; charset=utf-8');
        return c.body(await qrSvg(url), 200);
      }
      c.header('Content-Type', 'image/png');
      return c.body(new Uint8Array(await qrPng(url, query.size ?? 512)), 200);
    });
  }
  return app;
}
