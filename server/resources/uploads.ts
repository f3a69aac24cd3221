import { createHash } from 'node:crypto';
import type { Deps } from '../deps.js';
import { conflict, DomainError, notFound } from '../shared/errors.js';
import { checkImage } from './images.js';
import type { ImageType, UploadView } from './schemas.js';
import { audit } from '../merchants/audit.js';

export { MAX_IMAGE_SIDE } from './images.js';

/** Largest image the server stores (the upload route's own body limit). */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

export interface ImageInfo {
  contentType: ImageType;
  /** Pixel size read from the file header, when it could be read. */
  width?: number;
  height?: number;
}

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));

/**
 * What the bytes are, by their magic numbers — never by the name or declared type. Only PNG,
 * JPEG, GIF and WebP are images here; SVG (which can carry script) and everything else is not.
 */
export function detectImage(bytes: Uint8Array): ImageInfo | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) && ascii(bytes, 12, 4) === 'IHDR') {
    return { contentType: 'image/png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length >= 10 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) {
    return { contentType: 'image/gif', width: view.getUint16(6, true), height: view.getUint16(8, true) };
  }
  if (bytes.length >= 4 && startsWith(bytes, [0xff, 0xd8, 0xff])) {
    return { contentType: 'image/jpeg', ...jpegSize(bytes, view) };
  }
  if (bytes.length >= 16 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    return { contentType: 'image/webp', ...webpSize(bytes, view) };
  }
  return undefined;
}

function jpegSize(bytes: Uint8Array, view: DataView): { width?: number; height?: number } {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return {};
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = view.getUint16(at + 2);
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + length;
  }
  return {};
}

function webpSize(bytes: Uint8Array, view: DataView): { width?: number; height?: number } {
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8 ' && bytes.length >= 30) return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  if (chunk === 'VP8L' && bytes.length >= 25) {
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && bytes.length >= 30) {
    const read24 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
    return { width: read24(24) + 1, height: read24(27) + 1 };
  }
  return {};
}

export const uploadUrl = (base: string, id: number) => `${base}/uploads/${id}`;

/**
 * Stores an uploaded image after checking what it really is: the type by its magic bytes
 * (`declaredType`, the request's Content-Type, must agree when it names an image type), the
 * size by walking the file's structure ({@link checkImage}: at most 8000×8000, no damaged file).
 */
export async function storeUpload(deps: Deps, bytes: Uint8Array, declaredType: string | undefined, base: string): Promise<UploadView> {
  if (bytes.length === 0) throw new DomainError('invalid', 'empty_upload', 'The upload is empty: send the image bytes as the request body', 'body');
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new DomainError('invalid', 'payload_too_large', `Images may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`, 'body');
  }
  const declared = declaredType?.split(';')[0]?.trim().toLowerCase();
  if (declared === 'image/svg+xml') {
    throw new DomainError('unprocessable', 'unsupported_image', 'SVG images are not accepted (they can carry script); upload PNG, JPEG, GIF or WebP', 'body');
  }
  const info = detectImage(bytes);
  if (!info) throw new DomainError('unprocessable', 'unsupported_image', 'The file is not a PNG, JPEG, GIF or WebP image', 'body');
  if (declared && declared !== 'application/octet-stream' && declared !== info.contentType && !(declared === 'image/jpg' && info.contentType === 'image/jpeg')) {
    throw new DomainError('unprocessable', 'type_mismatch', `The request says ${declared} but the file is ${info.contentType}`, 'body');
  }
  const image = await checkImage(bytes, info.contentType);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const row = await deps.db.kysely
    .insertInto('uploads')
    .values({ content_type: info.contentType, bytes: Buffer.from(bytes), size: bytes.length, sha256, created_at: deps.clock() })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  const view: UploadView = {
    id: row.id,
    contentType: info.contentType,
    size: bytes.length,
    sha256,
    width: image.width,
    height: image.height,
    url: uploadUrl(base, row.id),
    createdAt: new Date(row.created_at).toISOString(),
  };
  await audit(deps, { action: 'upload.create', target: { type: 'upload', id: row.id }, after: view });
  return view;
}

/** The stored bytes and their type, or undefined. */
export async function getUpload(deps: Deps, id: number) {
  return deps.db.kysely.selectFrom('uploads').select(['id', 'content_type', 'bytes', 'size', 'sha256']).where('id', '=', id).executeTakeFirst();
}

/** Every stored upload, without its bytes (width and height are reported when uploading). */
export async function listUploads(deps: Deps, base: string): Promise<UploadView[]> {
  const rows = await deps.db.kysely.selectFrom('uploads').select(['id', 'content_type', 'size', 'sha256', 'created_at']).orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    contentType: row.content_type as ImageType,
    size: row.size,
    sha256: row.sha256,
    width: null,
    height: null,
    url: uploadUrl(base, row.id),
    createdAt: new Date(row.created_at).toISOString(),
  }));
}

/** Deletes an upload no banner uses. */
export async function deleteUpload(deps: Deps, id: number): Promise<void> {
  const { kysely } = deps.db;
  const upload = await kysely.selectFrom('uploads').select(['id', 'content_type', 'size', 'sha256', 'created_at']).where('id', '=', id).executeTakeFirst();
  if (!upload) throw notFound(`Upload ${id}`);
  const used = await kysely.selectFrom('banners').select('id').where('upload_id', '=', id).executeTakeFirst();
  if (used) throw conflict('id', `Upload ${id} is used by banner ${used.id}; delete or change that banner first`, 'upload_in_use');
  await kysely.deleteFrom('uploads').where('id', '=', id).execute();
  await audit(deps, { action: 'upload.delete', target: { type: 'upload', id }, before: upload });
}
