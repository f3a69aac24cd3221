import { z } from '@hono/zod-openapi';
import { SUB_PATTERN, SUB_RULE } from '../shared/validation.js';

/**
 * The Resources answers: what a partner gets (links, banners, email copy, pages) and what the
 * merchant manages (banners, email copy, pages, uploaded images).
 */

// ── partner API ─────────────────────────────────────────────────────────────────────────────

/** A link as a partner sees it: theirs to share, with its clicks by them. */
export const PartnerLinkSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(['merchant', 'custom']).openapi({ description: "merchant: the merchant's link for every partner; custom: the partner's own deep link" }),
    name: z.string(),
    slug: z.string(),
    destination: z.string(),
    sub: z.string().nullable(),
    url: z.string().openapi({ example: 'https://partners.example.com/r/demo/spring-sale' }),
    clicks: z.number().int().openapi({ description: 'Clicks this partner got on this link' }),
    createdAt: z.string(),
    disabled: z.boolean().openapi({
      description:
        'The partner turned this custom link off: a visitor still reaches the destination, but no click or sale is recorded for it. Merchant links: always false (the merchant removes those).',
    }),
  })
  .openapi('PartnerLink');
export type PartnerLink = z.infer<typeof PartnerLinkSchema>;

export const PartnerLinksSchema = z
  .object({
    links: z.array(PartnerLinkSchema),
    allowedDomains: z.array(z.string()).openapi({ description: 'Hosts a custom deep link may point to (`*.example.com` covers subdomains)' }),
  })
  .openapi('PartnerLinks');
export type PartnerLinks = z.infer<typeof PartnerLinksSchema>;

/** A custom link's name: 1–120 characters once trimmed. */
const LinkName = z.string().trim().min(1, 'Enter a name for the link').max(120, 'is at most 120 characters');

export const NewDeepLinkSchema = z
  .object({
    destination: z.string().trim().min(1, 'Enter the address of a page on our site').max(2048, 'is at most 2048 characters').openapi({ example: 'https://shop.example.com/boots' }),
    sub: z
      .string()
      .trim()
      .max(64, 'is at most 64 characters')
      .refine((v) => v === '' || SUB_PATTERN.test(v), SUB_RULE)
      .nullable()
      .optional()
      .openapi({ example: 'newsletter' }),
    name: LinkName.nullable().optional().openapi({ description: 'What the partner calls the link (default: the destination\'s host and path)', example: 'Boots, newsletter' }),
  })
  .strict()
  .openapi('NewDeepLink');
/** What the partner sends to make a deep link. */
export type NewDeepLink = z.input<typeof NewDeepLinkSchema>;

/** `PATCH /api/v1/partner/links/{id}`: rename a custom link, or turn it off and on. */
export const LinkPatchSchema = z
  .object({
    name: LinkName.optional().openapi({ example: 'Boots, newsletter' }),
    disabled: z.boolean({ error: 'is true or false' }).optional().openapi({ description: 'true: visitors still reach the page, but nothing is recorded for you' }),
  })
  .strict()
  .refine((p) => p.name !== undefined || p.disabled !== undefined, { message: 'Give a name or disabled', path: ['name'] })
  .openapi('LinkPatch');
export type LinkPatch = z.infer<typeof LinkPatchSchema>;

/** A banner as a partner gets it: their link and a ready HTML snippet. */
export const PartnerBannerSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    imageUrl: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    alt: z.string(),
    linkUrl: z.string(),
    html: z.string().openapi({ example: '<a href="https://partners.example.com/r/demo/home" rel="sponsored"><img src="…" width="300" height="250" alt="…"></a>' }),
  })
  .openapi('PartnerBanner');
export type PartnerBanner = z.infer<typeof PartnerBannerSchema>;

/** An email as a partner gets it: placeholders filled in with their name, code and link. */
export const PartnerEmailSchema = z
  .object({ id: z.number().int(), name: z.string(), subject: z.string(), body: z.string(), linkUrl: z.string().nullable() })
  .openapi('PartnerEmail');
export type PartnerEmail = z.infer<typeof PartnerEmailSchema>;

/** A page as a partner gets it: markdown rendered to sanitized HTML. */
export const PartnerPageSchema = z
  .object({ id: z.number().int(), title: z.string(), slug: z.string(), html: z.string().openapi({ description: 'Sanitized HTML rendered from the markdown' }) })
  .openapi('PartnerResourcePage');
export type ResourcePage = z.infer<typeof PartnerPageSchema>;

// ── admin API ───────────────────────────────────────────────────────────────────────────────

const timestamps = { createdAt: z.string(), updatedAt: z.string() };
const scoped = { programIds: z.array(z.number().int()).openapi({ description: 'Programs it is for; empty: every program' }) };

/** A banner as the merchant manages it. */
export const BannerSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    imageUrl: z.string().nullable(),
    uploadId: z.number().int().nullable(),
    imageSrc: z.string().openapi({ description: 'Where the image loads from: imageUrl or <server>/uploads/<uploadId>' }),
    width: z.number().int(),
    height: z.number().int(),
    alt: z.string(),
    linkId: z.number().int(),
    linkSlug: z.string(),
    sortOrder: z.number().int(),
    status: z.enum(['active', 'archived']),
    ...scoped,
    ...timestamps,
  })
  .openapi('Banner');
export type BannerView = z.infer<typeof BannerSchema>;

export const EmailCopySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    subject: z.string(),
    body: z.string().openapi({ description: 'Plain text with {{link}}, {{partner.name}}, {{partner.code}}' }),
    linkId: z.number().int().nullable(),
    linkSlug: z.string().nullable(),
    sortOrder: z.number().int(),
    status: z.enum(['active', 'archived']),
    ...scoped,
    ...timestamps,
  })
  .openapi('EmailCopy');
export type EmailView = z.infer<typeof EmailCopySchema>;

export const ResourcePageSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    slug: z.string(),
    body: z.string().openapi({ description: 'Markdown' }),
    sortOrder: z.number().int(),
    status: z.enum(['active', 'archived']),
    ...scoped,
    ...timestamps,
  })
  .openapi('ResourcePage');
export type PageView = z.infer<typeof ResourcePageSchema>;

/** The image types an upload may be (checked by their magic bytes). */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export const UploadSchema = z
  .object({
    id: z.number().int(),
    contentType: z.enum(IMAGE_TYPES),
    size: z.number().int(),
    sha256: z.string(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    url: z.string(),
    createdAt: z.string(),
  })
  .openapi('Upload');
export type UploadView = z.infer<typeof UploadSchema>;
