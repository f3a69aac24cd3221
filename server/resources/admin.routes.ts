import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { bannerPatchSchema, createBanner, deleteBanner, getBanner, listBanners, newBannerSchema, updateBanner } from './banners.js';
import { createEmail, deleteEmail, emailPatchSchema, getEmail, listEmails, newEmailSchema, updateEmail } from './email-copy.js';
import { createPage, deletePage, getPage, listPages, newPageSchema, pagePatchSchema, updatePage } from './resource-pages.js';
import { deleteUpload, getUpload, listUploads, MAX_IMAGE_SIDE, MAX_UPLOAD_BYTES, storeUpload } from './uploads.js';
import { BannerSchema, EmailCopySchema, IMAGE_TYPES, ResourcePageSchema, UploadSchema } from './schemas.js';
import { errorBody } from '../http/errors.js';
import { limitBody, publicBase } from '../http/middleware.js';
import { errors, jsonBody, jsonResponse, router, z } from '../http/openapi.js';

/**
 * The merchant's API for promotional material (admin key): banners, uploaded images, email
 * copy and resource pages, each optionally limited to some programs.
 */

const security = [{ adminKey: [] }];
const IdParam = z.object({ id: z.coerce.number().int('is not an id').positive('is not an id').openapi({ param: { name: 'id', in: 'path' }, example: 1 }) });
/** list / create / get / update / delete routes of one kind of material */
function crudRoutes<I extends z.ZodType, C extends z.ZodType, P extends z.ZodType>(path: string, tag: string, what: string, item: I, create: C, patch: P, listKey: string) {
  const base = { tags: [tag], security };
  return {
    list: createRoute({
      ...base,
      method: 'get',
      path,
      summary: `All ${what}s, archived ones included`,
      responses: { 200: jsonResponse(z.object({ [listKey]: z.array(item) }), `Every ${what}`), 401: errors[401] },
    }),
    create: createRoute({
      ...base,
      method: 'post',
      path,
      summary: `Add a ${what}`,
      request: jsonBody(create),
      responses: { 201: jsonResponse(item, `The new ${what}`), 400: errors[400], 401: errors[401], 409: errors[409], 413: errors[413], 415: errors[415] },
    }),
    get: createRoute({
      ...base,
      method: 'get',
      path: `${path}/{id}`,
      summary: `One ${what}`,
      request: { params: IdParam },
      responses: { 200: jsonResponse(item, `The ${what}`), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    update: createRoute({
      ...base,
      method: 'patch',
      path: `${path}/{id}`,
      summary: `Change a ${what} (only the fields sent)`,
      request: { params: IdParam, ...jsonBody(patch) },
      responses: { 200: jsonResponse(item, `The changed ${what}`), 400: errors[400], 401: errors[401], 404: errors[404], 409: errors[409], 415: errors[415] },
    }),
    remove: createRoute({
      ...base,
      method: 'delete',
      path: `${path}/{id}`,
      summary: `Delete a ${what}`,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
  };
}

const banners = crudRoutes('/banners', 'admin: banners', 'banner', BannerSchema, newBannerSchema, bannerPatchSchema, 'banners');
const emails = crudRoutes('/email-copy', 'admin: email copy', 'email', EmailCopySchema, newEmailSchema, emailPatchSchema, 'emails');
const pages = crudRoutes('/resource-pages', 'admin: resource pages', 'resource page', ResourcePageSchema, newPageSchema, pagePatchSchema, 'pages');

const listUploadsRoute = createRoute({
  tags: ['admin: uploads'],
  security,
  method: 'get',
  path: '/uploads',
  summary: 'Uploaded images (without their bytes)',
  responses: { 200: jsonResponse(z.object({ uploads: z.array(UploadSchema) }), 'Every upload'), 401: errors[401] },
});
const deleteUploadRoute = createRoute({
  tags: ['admin: uploads'],
  security,
  method: 'delete',
  path: '/uploads/{id}',
  summary: 'Delete an upload no banner uses',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, 400: errors[400], 401: errors[401], 404: errors[404], 409: errors[409] },
});

/** Banners, email copy, resource pages and upload management: mounted at /api/v1/admin (behind the admin key, see app.ts). */
export function adminResourceRoutes(deps: Deps) {
  const app = router();

  app.openapi(banners.list, async (c) => c.json({ banners: await listBanners(deps, publicBase(c, deps)) }, 200));
  app.openapi(banners.create, async (c) => c.json(await createBanner(deps, c.req.valid("json"), publicBase(c, deps)), 201));
  app.openapi(banners.get, async (c) => c.json(await getBanner(deps, c.req.valid('param').id, publicBase(c, deps)), 200));
  app.openapi(banners.update, async (c) =>
    c.json(await updateBanner(deps, c.req.valid('param').id, c.req.valid("json"), publicBase(c, deps)), 200),
  );
  app.openapi(banners.remove, async (c) => {
    await deleteBanner(deps, c.req.valid('param').id);
    return c.body(null, 204);
  });

  app.openapi(emails.list, async (c) => c.json({ emails: await listEmails(deps) }, 200));
  app.openapi(emails.create, async (c) => c.json(await createEmail(deps, c.req.valid("json")), 201));
  app.openapi(emails.get, async (c) => c.json(await getEmail(deps, c.req.valid('param').id), 200));
  app.openapi(emails.update, async (c) => c.json(await updateEmail(deps, c.req.valid('param').id, c.req.valid("json")), 200));
  app.openapi(emails.remove, async (c) => {
    await deleteEmail(deps, c.req.valid('param').id);
    return c.body(null, 204);
  });

  app.openapi(pages.list, async (c) => c.json({ pages: await listPages(deps) }, 200));
  app.openapi(pages.create, async (c) => c.json(await createPage(deps, c.req.valid("json")), 201));
  app.openapi(pages.get, async (c) => c.json(await getPage(deps, c.req.valid('param').id), 200));
  app.openapi(pages.update, async (c) => c.json(await updatePage(deps, c.req.valid('param').id, c.req.valid("json")), 200));
  app.openapi(pages.remove, async (c) => {
    await deletePage(deps, c.req.valid('param').id);
    return c.body(null, 204);
  });

  app.openapi(listUploadsRoute, async (c) => c.json({ uploads: await listUploads(deps, publicBase(c, deps)) }, 200));
  app.openapi(deleteUploadRoute, async (c) => {
    await deleteUpload(deps, c.req.valid('param').id);
    return c.body(null, 204);
  });
  return app;
}

const uploadRoute = createRoute({
  tags: ['admin: uploads'],
  security,
  method: 'post',
  path: '/uploads',
  summary: 'Upload a banner image (the raw bytes as the body)',
  description: `Send the image itself as the request body with its Content-Type (${IMAGE_TYPES.join(', ')}), at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. The type is checked by the file's magic bytes; SVG is refused. The size is read by walking the file's structure (at most ${MAX_IMAGE_SIDE}×${MAX_IMAGE_SIDE} pixels): a damaged file or one whose header lies is a 400 \`invalid_image\` or \`image_too_large\`. The image is then served at \`url\` (GET /uploads/{id}).`,
  request: {
    body: {
      required: true,
      content: Object.fromEntries(IMAGE_TYPES.map((t) => [t, { schema: z.string().openapi({ type: 'string', format: 'binary' }) }])),
    },
  },
  responses: {
    201: jsonResponse(UploadSchema, 'Stored'),
    400: errors[400],
    401: errors[401],
    413: { ...errors[413], description: `The image is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` },
    422: { ...errors[422], description: 'Not a PNG, JPEG, GIF or WebP image, or not the type the request says' },
  },
});

/**
 * `POST /api/v1/admin/uploads`: raw image bodies up to 2 MB, behind the admin key. Exempt from
 * the API's JSON-only, 100 KB rule (see `isImageUpload` in ./routes.ts), so it sets its own limit.
 */
export function adminUploadRoutes(deps: Deps) {
  const app = router();
  app.use('/uploads', limitBody(MAX_UPLOAD_BYTES, `Images may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`));
  app.openapi(uploadRoute, async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(await storeUpload(deps, bytes, c.req.header('Content-Type'), publicBase(c, deps)), 201);
  });
  return app;
}

const serveUploadRoute = createRoute({
  tags: ['resources'],
  method: 'get',
  path: '/uploads/{id}',
  summary: 'An uploaded image (public: partners embed it in their banners)',
  request: { params: IdParam },
  responses: {
    200: { description: 'The image, with its own Content-Type', content: Object.fromEntries(IMAGE_TYPES.map((t) => [t, { schema: z.string().openapi({ format: 'binary' }) }])) },
    400: errors[400],
    404: errors[404],
  },
});

/** `GET /uploads/:id`: the stored image bytes, never sniffed, never run as a document. */
export function uploadServingRoutes(deps: Deps) {
  const app = router();
  app.openapi(serveUploadRoute, async (c) => {
    const upload = await getUpload(deps, c.req.valid('param').id);
    if (!upload) return c.json(errorBody('not_found', `Upload ${c.req.valid('param').id} not found`), 404);
    const etag = `"${upload.sha256}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'public, max-age=86400');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Content-Security-Policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    c.header('Access-Control-Allow-Origin', '*');
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    c.header('Content-Type', upload.content_type);
    c.header('Content-Length', String(upload.size));
    return c.body(new Uint8Array(upload.bytes), 200);
  });
  return app;
}
