import type { AdminResourceKind, AdminResourceKinds } from '../api/types.js';

/** The sub-sections in menu order: their name in the URL (`#/resources/pages/31`), the API's kind, and words. */
export const KINDS = [
  { name: 'links', kind: 'links', label: 'Links', one: 'link', ordered: false },
  { name: 'banners', kind: 'banners', label: 'Banners', one: 'banner', ordered: true },
  { name: 'email-copy', kind: 'email-copy', label: 'Email copy', one: 'email', ordered: true },
  { name: 'pages', kind: 'resource-pages', label: 'Pages', one: 'page', ordered: true },
] as const satisfies readonly { name: string; kind: AdminResourceKind; label: string; one: string; ordered: boolean }[];

export type KindInfo = (typeof KINDS)[number];
export type AnyResource = AdminResourceKinds[AdminResourceKind];

export const kindNamed = (name: string | undefined): KindInfo => KINDS.find((k) => k.name === name) ?? KINDS[0];

/** A resource's name as the merchant reads it (pages have a title). */
export const titleOf = (item: AnyResource) => ('title' in item ? item.title : item.name);

/** Shown to partners (links are `disabled`, the rest `archived` when not). */
export const isActive = (item: AnyResource) => item.status === 'active';
export const offStatus = (kind: AdminResourceKind) => (kind === 'links' ? 'disabled' : 'archived');

/** Images the server stores (server/resources/uploads.ts): checked here before sending. */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

/** The placeholders email copy may use (server/resources/email-copy.ts). */
export const PLACEHOLDERS = ['link', 'partner.name', 'partner.code'];
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The example partner previews are filled in for. */
export const EXAMPLE_PARTNER = { name: 'Ann Example', code: 'ann' };

/** Fills an email's placeholders the way the server does for each partner. */
export const fillPlaceholders = (text: string, link: string) =>
  text.replace(PLACEHOLDER, (whole, name: string) =>
    name === 'link' ? link : name === 'partner.name' ? EXAMPLE_PARTNER.name : name === 'partner.code' ? EXAMPLE_PARTNER.code : whole,
  );

const LINK_SLUG = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const PAGE_SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

const isHttpUrl = (value: string) => {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
};


/**
 * Our own checks before anything is sent, mirroring the server's rules (which stay the
 * authority: what it refuses is shown by the field it names). Field → sentence.
 */
export function check(kind: AdminResourceKind, v: Record<string, string>, creating: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  const required = (field: string, what: string) => {
    if (!v[field]?.trim()) errors[field] = `Give ${what}.`;
  };
  if (kind === 'links') {
    if (creating) {
      required('slug', 'a slug');
      if (v.slug?.trim() && !LINK_SLUG.test(v.slug.trim())) errors.slug = 'Use 1–64 letters, digits, dashes or underscores, starting with a letter or digit.';
    }
    required('name', 'a name');
    required('destination', 'the address the link opens');
    if (v.destination?.trim() && !isHttpUrl(v.destination.trim())) errors.destination = 'Give a full web address starting with https://.';
  }
  if (kind === 'banners') {
    required('name', 'a name');
    required('alt', 'a description of the image for people who cannot see it');
    required('linkId', 'the link the banner opens');
    if (!v.uploadId && !v.imageUrl?.trim()) errors.image = 'Upload an image or give its web address.';
    if (!v.uploadId && v.imageUrl?.trim() && !isHttpUrl(v.imageUrl.trim())) errors.image = 'The image address must start with https:// or http://.';
    for (const side of ['width', 'height']) {
      const n = Number(v[side]);
      if (!v.uploadId || v[side]) {
        if (!v[side] || !Number.isInteger(n) || n < 1 || n > 4000) errors[side] = `Give the ${side} in pixels, a whole number from 1 to 4000.`;
      }
    }
  }
  if (kind === 'email-copy') {
    required('name', 'a name');
    required('subject', 'a subject');
    required('body', 'the text of the email');
    for (const field of ['subject', 'body']) {
      const unknown = [...(v[field] ?? '').matchAll(PLACEHOLDER)].find((m) => !PLACEHOLDERS.includes(m[1]!));
      if (unknown) errors[field] = `${unknown[0]} is not a placeholder; use ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.`;
    }
    const usesLink = [...`${v.subject ?? ''} ${v.body ?? ''}`.matchAll(PLACEHOLDER)].some((m) => m[1] === 'link');
    if (usesLink && !v.linkId && !errors.linkId) errors.linkId = 'The text uses {{link}}: choose the link it stands for.';
  }
  if (kind === 'resource-pages') {
    required('title', 'a title');
    if (v.slug?.trim() && !PAGE_SLUG.test(v.slug.trim().toLowerCase())) errors.slug = 'Use lowercase letters, digits and dashes (at most 64, no dash at either end).';
    if ((v.body ?? '').length > 50_000) errors.body = 'A page is at most 50,000 characters.';
  }
  return errors;
}

/** The request body for a create or a change, from the form's values. */
export function inputOf(kind: AdminResourceKind, v: Record<string, string>, programIds: number[], active: boolean, creating: boolean): Record<string, unknown> {
  const status = active ? 'active' : offStatus(kind);
  const t = (field: string) => v[field]?.trim() ?? '';
  if (kind === 'links') return { ...(creating ? { slug: t('slug') } : {}), name: t('name'), destination: t('destination'), status, programIds };
  if (kind === 'banners') {
    const image = v.uploadId ? { uploadId: Number(v.uploadId) } : { imageUrl: t('imageUrl') };
    const size = v.width && v.height ? { width: Number(v.width), height: Number(v.height) } : {};
    return { name: t('name'), alt: t('alt'), linkId: Number(v.linkId), ...image, ...size, status, programIds };
  }
  if (kind === 'email-copy') {
    const link = v.linkId ? { linkId: Number(v.linkId) } : creating ? {} : { linkId: null };
    return { name: t('name'), subject: t('subject'), body: v.body ?? '', ...link, status, programIds };
  }
  return { title: t('title'), ...(t('slug') ? { slug: t('slug').toLowerCase() } : {}), body: v.body ?? '', status, programIds };
}

/** The form's starting values for an item (or a new one). */
export function valuesOf(item: AnyResource | undefined): Record<string, string> {
  if (!item) return {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(item)) if (typeof value === 'string' || typeof value === 'number') out[key] = String(value);
  if ('imageUrl' in item && item.imageUrl === null) delete out.imageUrl;
  if ('uploadId' in item && item.uploadId === null) delete out.uploadId;
  return out;
}
